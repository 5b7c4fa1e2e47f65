package io.groutines;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The shapes of Spring Data repositories, without Spring: a generic CRUD interface, a repository that inherits its
 * {@code findById(ID)}, one that redeclares it with the type argument filled in, and an implementation class — with
 * its calls "woven" by hand through {@link Woven}.
 */
final class Repositories {

    private Repositories() {
    }

    interface Crud<T, ID> {
        Optional<T> findById(ID id);

        T save(T entity);
    }

    interface OwnerRepository extends Crud<String, Integer> {
    }

    interface RedeclaringRepository extends Crud<String, Integer> {
        @Override
        Optional<String> findById(Integer id);
    }

    /** Like Spring Data's {@code SimpleJpaRepository}: implements the generic methods once, for every repository. */
    static class SimpleRepository<T, ID> implements Crud<T, ID> {

        static final Method FIND = Woven.method(SimpleRepository.class, "findById");

        @Override
        @SuppressWarnings("unchecked")
        public Optional<T> findById(ID id) {
            return (Optional<T>) Greeter.sneaky(() -> Woven.call(FIND, this, new Object[] { id },
                    args -> Optional.of("found " + args[0])));
        }

        @Override
        public T save(T entity) {
            return entity;
        }
    }

    /** An implementation of the concrete type, whose javac bridge {@code findById(Object)} is synthetic. */
    static final class OwnerStore implements RedeclaringRepository {

        static final Method FIND;

        static {
            try {
                FIND = OwnerStore.class.getDeclaredMethod("findById", Integer.class);
            }
            catch (NoSuchMethodException ex) {
                throw new ExceptionInInitializerError(ex);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<String> findById(Integer id) {
            return (Optional<String>) Greeter.sneaky(() -> Woven.call(FIND, this, new Object[] { id },
                    args -> Optional.of("owner " + args[0])));
        }

        @Override
        public String save(String entity) {
            return entity;
        }
    }
}
