package io.groutines.demo.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.groutines.demo.users.UserListController;
import io.groutines.demo.users.UserRepository;
import io.groutines.demo.users.UserViews;

/**
 * A slice test as applications write them: it names the controller in its annotation, so JUnit's discovery loads
 * {@link UserListController} while it reads this class — before any test runs and before any application context
 * has said what to weave. Groutines play no part here.
 */
@WebMvcTest(UserListController.class)
@AutoConfigureMockMvc(addFilters = false)
class UserListSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserRepository users;

    @MockitoBean
    UserViews views;

    @Test
    void anEmptyListOfUsers() throws Exception {
        when(users.count()).thenReturn(0L);
        when(users.findPage(any())).thenReturn(List.of());
        mvc.perform(get("/users/")).andExpect(status().isOk()).andExpect(jsonPath("$.count").value(0));
    }
}
