package io.groutines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetResolutionTest {

    @Test
    void anAbsolutePathNamesAMethod() {
        FunctionCall call = FunctionCall.of("io.groutines.Greeter.greet");
        assertThat(call.callable().getName()).isEqualTo("greet");
        assertThat(call.path()).isEqualTo("io.groutines.Greeter.greet");
    }

    @Test
    void nestedClassesAreNamedWithDots() {
        assertThat(FunctionCall.of("io.groutines.Shop.View.preSave").callable().getDeclaringClass())
                .isEqualTo(Shop.View.class);
        assertThat(FunctionCall.of("io.groutines.Shop$View.preSave").callable().getDeclaringClass())
                .isEqualTo(Shop.View.class);
    }

    @Test
    void constructorsAreNamedInit() {
        assertThat(FunctionCall.of("io.groutines.Shop.Response.<init>").callable())
                .isEqualTo(Shop.Response.class.getDeclaredConstructors()[0]);
    }

    @Test
    void aParameterListChoosesAnOverload() {
        assertThat(FunctionCall.of("java.lang.String.indexOf(java.lang.String,int)").callable().getParameterCount()).isEqualTo(2);
        assertThat(FunctionCall.of(String.class, "indexOf(int)").callable().getParameterTypes()).containsExactly(int.class);
    }

    @Test
    void anUnknownClassIsNamedWithTheFix() {
        assertThatThrownBy(() -> FunctionCall.of("org.example.Missing.run")).isInstanceOf(TargetException.class)
                .hasMessageContaining("No class org.example.Missing on the class path")
                .hasMessageContaining("target org.example.Missing.run")
                .hasMessageContaining("check the package and class name");
    }

    @Test
    void anUnknownMethodSuggestsTheClosestNames() {
        assertThatThrownBy(() -> FunctionCall.of("io.groutines.Greeter.shuot"))
                .hasMessageContaining("No method shuot in io.groutines.Greeter")
                .hasMessageContaining("did you mean io.groutines.Greeter.shout?");
    }

    @Test
    void anAmbiguousOverloadListsTheChoices() {
        assertThatThrownBy(() -> FunctionCall.of("java.lang.String.indexOf"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("Ambiguous")
                .hasMessageContaining("java.lang.String.indexOf(java.lang.String,int)");
    }

    @Test
    void anOverloadThatDoesNotExistListsTheChoices() {
        assertThatThrownBy(() -> FunctionCall.of("io.groutines.Greeter.greet(int)"))
                .hasMessageContaining("No overload with parameters (int)")
                .hasMessageContaining("io.groutines.Greeter.greet(java.lang.String)");
    }

    @Test
    void notAPathIsRefused() {
        assertThatThrownBy(() -> FunctionCall.of("greet")).hasMessageContaining("Not an absolute path");
        assertThatThrownBy(() -> FunctionCall.of(" ")).hasMessageContaining("Empty target");
    }

    @Test
    void anObjectsConstructorCannotBeAwaited() {
        assertThatThrownBy(() -> FunctionCall.of(new Greeter(), "<init>"))
                .hasMessageContaining("never called again");
    }

    @Test
    void moreArgNamesThanParametersIsRefused() {
        assertThatThrownBy(() -> FunctionCall.of("io.groutines.Greeter.greet").argNames("a", "b"))
                .hasMessageContaining("names 2 arguments, but the callable takes 1");
    }

    @Test
    void aMethodInheritedButNotOverriddenFiresOnlyForTheNamedSubclass() {
        class Base {
            static final java.lang.reflect.Method HELLO = Woven.method(Base.class, "hello");

            String hello() {
                return (String) Greeter.sneaky(() -> Woven.call(HELLO, this, new Object[0], args -> "base"));
            }
        }
        class Sub extends Base {
        }
        FunctionCall onSub = FunctionCall.of(Sub.class, "hello");
        assertThat(onSub.callable().getDeclaringClass()).isEqualTo(Base.class);
        try (Hub hub = Hub.open()) {
            java.util.List<Object> seen = new java.util.ArrayList<>();
            hub.spawn(() -> {
                while (true) {
                    seen.add(onSub.await(Phase.ENTER).receiver().getClass().getSimpleName());
                }
            });
            new Base().hello();
            new Sub().hello();
            assertThat(seen).containsExactly("Sub");
        }
    }

    @Test
    void aGenericRedeclarationAndItsErasureAreOneMethod() {
        FunctionCall inherited = FunctionCall.of(Repositories.OwnerRepository.class, "findById");
        assertThat(inherited.callable().getDeclaringClass()).isEqualTo(Repositories.Crud.class);
        FunctionCall redeclared = FunctionCall.of(Repositories.RedeclaringRepository.class, "findById");
        assertThat(redeclared.callable().getDeclaringClass()).isEqualTo(Repositories.RedeclaringRepository.class);
        assertThat(redeclared.callable().getParameterTypes()).containsExactly(Integer.class);
        assertThat(FunctionCall.of(Repositories.RedeclaringRepository.class, "findById(java.lang.Integer)").callable())
                .isEqualTo(redeclared.callable());
    }

    @Test
    void bridgesAndSyntheticMethodsAreNeverCandidates() {
        // OwnerStore has findById(Integer) and javac's bridge findById(Object): one method to a Java developer
        assertThat(FunctionCall.of(Repositories.OwnerStore.class, "findById").callable())
                .isEqualTo(Repositories.OwnerStore.FIND);
    }

    @Test
    void aCallThroughTheGenericFormIsTheSameTarget() {
        try (Hub hub = Hub.open("generic")) {
            java.util.List<Object> seen = new java.util.ArrayList<>();
            hub.spawn(() -> {
                while (true) {
                    seen.add(FunctionCall.of(Repositories.Crud.class, "findById").await(Phase.ENTER).arg(0));
                }
            });
            new Repositories.OwnerStore().findById(7);
            new Repositories.SimpleRepository<String, Long>().findById(8L);
            assertThat(seen).containsExactly(7, 8L);
        }
    }

    @Test
    void aTargetNamedOnARepositorySeesOnlyThatRepositorysCalls() {
        try (Hub hub = Hub.open("repository")) {
            java.util.List<Object> seen = new java.util.ArrayList<>();
            hub.spawn(() -> {
                while (true) {
                    seen.add(FunctionCall.of(Repositories.RedeclaringRepository.class, "findById").await(Phase.ENTER).arg(0));
                }
            });
            new Repositories.OwnerStore().findById(7);                       // an implementation of it
            new Repositories.SimpleRepository<String, Integer>().findById(9); // not one of it
            assertThat(seen).containsExactly(7);
        }
    }
}
