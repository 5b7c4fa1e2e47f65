package io.groutines;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * A miniature of the original framework's scenario, woven by hand: a view whose dispatch checks permissions and
 * calls a pre-save hook, and a response whose construction groutines observe.
 */
final class Shop {

    private Shop() {
    }

    static final class View {

        static final Method DISPATCH = Woven.method(View.class, "dispatch");

        static final Method CHECK_PERMISSIONS = Woven.method(View.class, "checkPermissions");

        static final Method PRE_SAVE = Woven.method(View.class, "preSave");

        Response dispatch(String request, Item item) {
            return (Response) Greeter.sneaky(() -> Woven.call(DISPATCH, this, new Object[] { request, item }, args -> {
                if (!checkPermissions((String) args[0])) {
                    return new Response("forbidden", 403);
                }
                preSave((Item) args[1]);
                return new Response(args[1], 201);
            }));
        }

        boolean checkPermissions(String request) {
            return (Boolean) Greeter.sneaky(() -> Woven.call(CHECK_PERMISSIONS, this, new Object[] { request },
                    args -> !"anonymous".equals(args[0])));
        }

        void preSave(Item item) {
            Greeter.sneaky(() -> Woven.call(PRE_SAVE, this, new Object[] { item }, args -> {
                ((Item) args[0]).owner = "request-user";
                return null;
            }));
        }
    }

    static final class Item {

        String owner;

        final String title;

        Item(String title) {
            this.title = title;
        }
    }

    /** Observed at its construction, like a woven constructor execution: before and after, never around. */
    static final class Response {

        static final Constructor<?> NEW = Response.class.getDeclaredConstructors()[0];

        final Object data;

        final int status;

        Response(Object data, int status) {
            Call call = Interception.armed() ? Interception.observe(NEW, new Object[] { data, status }) : null;
            this.data = data;
            this.status = status;
            if (call != null) {
                Interception.exit(call, this, null);
            }
        }
    }
}
