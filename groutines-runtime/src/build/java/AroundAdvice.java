import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes the groutines aspects' around advice, one per arity and kind (instance, static), from the one template of
 * the interception protocol below. Run by the runtime's build in {@code generate-sources}:
 * {@code java AroundAdvice.java <templates> <output>}, where {@code <templates>} holds the aspects as
 * {@code Name.aj.template} (everything but the around advice, with a line {@code //@around instance} and a line
 * {@code //@around static} where they go) and {@code <output>} receives {@code Name.aj}, which {@code ajc} compiles.
 *
 * <p>Why generated, and why one advice per arity at all: a code-style advice binds its arguments one by one
 * ({@code args(a0, a1)}) so that a dormant call boxes nothing and builds no join point; AspectJ has no way to bind
 * "any number" of them that way. The protocol is the same for every arity: written here once.
 */
public final class AroundAdvice {

    /** The widest method the generated advice bind; wider ones go to {@code WideCalls}. */
    static final int MAX_ARITY = 8;

    /**
     * The interception protocol, for one arity and kind: arm check (in the pointcut), ENTER, skip or proceed, EXIT,
     * and the caller's result or exception from {@code Interception.exit}. Placeholders: {@code $params} the advice's
     * formals, {@code $pointcut} the pointcut and its receiver binding, {@code $names} the bound arguments,
     * {@code $enter} the lines that make {@code call}, {@code $proceed} the arguments of an unchanged proceed,
     * {@code $arguments} the lines before the proceed with the groutines' arguments, {@code $replaced} that
     * proceed.
     */
    static final String PROTOCOL = """
                Object around($params): $pointcut && args($names) {
            $enter
                    if (call == null) {
                        return proceed($proceed);
                    }
                    if (Interception.skipsOriginal(call)) {
                        return Interception.exit(call, null, null);
                    }
                    Object result;
                    try {
            $arguments            result = $replaced;
                    }
                    catch (Throwable ex) {
                        return Interception.exit(call, null, ex);
                    }
                    return Interception.exit(call, result, null);
                }
            """;

    /** Where an aspect's advice differ: which join points, how the callable is found, how replaced arguments go on. */
    enum Aspect {

        /** At the method's execution ({@code WovenCalls}): {@code proceed} takes the groutines' arguments. */
        WOVEN_CALLS("instanceMethod() && this(self)", "staticMethod()") {
            @Override
            String enter(String receiver, String array) {
                return "        Call call = Interception.enter(method(thisJoinPointStaticPart), " + receiver + ", "
                        + array + ");";
            }

            @Override
            String replaced(String self, int arity, String receiver) {
                return "proceed(" + self + list(arity, i -> "args[" + i + "]") + ")";
            }
        },

        /**
         * At a call site ({@code CallSites}): the method the receiver runs, unless its own execution dispatches; and
         * arguments a groutine changed go through {@code invoke}, because the load-time weaver's {@code proceed} of a
         * concretized abstract aspect passes the original ones.
         */
        CALL_SITES("instanceCall() && target(self)", "staticCall()") {
            @Override
            String enter(String receiver, String array) {
                return "        Method runs = runs(thisJoinPointStaticPart, " + receiver + ");\n"
                        + "        Call call = runs == null ? null : Interception.enter(runs, " + receiver + ", " + array
                        + ");";
            }

            @Override
            String replaced(String self, int arity, String receiver) {
                return list(arity, i -> "args[" + i + "] == a" + i).replace(", ", " && ") + " ? proceed(" + self
                        + list(arity, i -> "a" + i) + ") : invoke(thisJoinPointStaticPart, " + receiver + ", args)";
            }
        };

        private final String instance;

        private final String statics;

        Aspect(String instance, String statics) {
            this.instance = instance;
            this.statics = statics;
        }

        abstract String enter(String receiver, String array);

        abstract String replaced(String self, int arity, String receiver);

        /** @return the advice for methods of this many parameters, instance ({@code self} bound) or static */
        String advice(int arity, boolean instance) {
            String names = list(arity, i -> "a" + i);
            String formals = list(arity, i -> "Object a" + i);
            String self = instance ? (arity == 0 ? "self" : "self, ") : "";
            String receiver = instance ? "self" : "null";
            String array = arity == 0 ? "new Object[0]" : "new Object[] { " + names + " }";
            return PROTOCOL
                    .replace("$params", (instance ? (arity == 0 ? "Object self" : "Object self, ") : "") + formals)
                    .replace("$pointcut", instance ? this.instance : statics)
                    .replace("$names", names)
                    .replace("$enter", enter(receiver, array))
                    .replace("$proceed", self + names)
                    .replace("$arguments", arity == 0 ? "" : "            Object[] args = Interception.arguments(call);\n")
                    .replace("$replaced", arity == 0 ? "proceed(" + self + ")" : replaced(self, arity, receiver));
        }

        static Aspect named(String name) {
            return switch (name) {
                case "WovenCalls" -> WOVEN_CALLS;
                case "CallSites" -> CALL_SITES;
                default -> throw new IllegalArgumentException("no around advice are known for the aspect " + name
                        + "; AroundAdvice knows WovenCalls and CallSites");
            };
        }
    }

    static String list(int arity, IntFunction<String> item) {
        return IntStream.range(0, arity).mapToObj(item).collect(Collectors.joining(", "));
    }

    /** @return the aspect's source: the template with each {@code //@around} line replaced by its advice */
    static String expand(Aspect aspect, List<String> template) {
        List<String> out = new ArrayList<>();
        int markers = 0;
        for (String line : template) {
            String marker = line.strip();
            if (marker.startsWith("//@around")) {
                boolean instance = switch (marker) {
                    case "//@around instance" -> true;
                    case "//@around static" -> false;
                    default -> throw new IllegalArgumentException("unknown marker '" + marker
                            + "': write //@around instance or //@around static");
                };
                markers++;
                List<String> advice = new ArrayList<>();
                for (int arity = 0; arity <= MAX_ARITY; arity++) {
                    advice.add(aspect.advice(arity, instance));
                }
                out.add(String.join("\n", advice).stripTrailing());
            }
            else {
                out.add(line);
            }
        }
        if (markers != 2) {
            throw new IllegalArgumentException("an aspect template has one //@around instance and one //@around static"
                    + " line; found " + markers);
        }
        return String.join("\n", out) + "\n";
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 2) {
            throw new IllegalArgumentException("usage: java AroundAdvice.java <templates> <output>");
        }
        Path templates = Path.of(arguments[0]);
        Path output = Path.of(arguments[1]);
        List<Path> found;
        try (var files = Files.walk(templates)) {
            found = files.filter(f -> f.getFileName().toString().endsWith(".aj.template")).sorted().toList();
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no *.aj.template under " + templates.toAbsolutePath());
        }
        for (Path template : found) {
            String file = template.getFileName().toString();
            String name = file.substring(0, file.length() - ".aj.template".length());
            Path target = output.resolve(templates.relativize(template)).resolveSibling(name + ".aj");
            Files.createDirectories(target.getParent());
            Files.writeString(target, expand(Aspect.named(name), Files.readAllLines(template)));
        }
    }
}
