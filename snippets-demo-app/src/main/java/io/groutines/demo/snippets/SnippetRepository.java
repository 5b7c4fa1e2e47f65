package io.groutines.demo.snippets;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Snippets, always oldest first (the model's {@code ordering = ['created']}; ties by id). */
public interface SnippetRepository extends JpaRepository<Snippet, Long> {

    @Query("select s from Snippet s join fetch s.owner order by s.created, s.id")
    List<Snippet> findPage(Pageable page);

    @Query("select s.id from Snippet s where s.owner.id = :ownerId order by s.created, s.id")
    List<Long> findIdsByOwner(@Param("ownerId") Long ownerId);
}
