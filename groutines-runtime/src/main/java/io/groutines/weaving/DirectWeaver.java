package io.groutines.weaving;

import static java.lang.constant.ConstantDescs.CD_Class;
import static java.lang.constant.ConstantDescs.CD_MethodHandle;
import static java.lang.constant.ConstantDescs.CD_MethodHandles_Lookup;
import static java.lang.constant.ConstantDescs.CD_MethodType;
import static java.lang.constant.ConstantDescs.CD_Number;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_Throwable;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_char;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.Attribute;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.MethodElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.ConstantValueAttribute;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.HashSet;
import java.util.Set;

/**
 * Weaves the groutines' one shape into a class with the JDK's class-file API, the way AspectJ weaves
 * {@code WovenCalls} and {@code WideCalls} into it, at a small part of AspectJ's cost: no weaver to set up per class
 * loader, no aspect to read, no pointcut to match — the shape is fixed. Every non-synthetic method with a body becomes
 * a call that groutines can await, every non-synthetic constructor one they can observe; the protocol is the generated
 * advice's ({@code src/build/java/AroundAdvice.java}), and the runtime's interception tests run against both weavers
 * ({@code -Dgroutines.weave.direct=false} weaves every class with AspectJ's).
 *
 * <p>A method {@code m} keeps its name, descriptor, flags and annotations, and its body moves unchanged, with its
 * stack maps, into a private static synthetic {@code m$original} (an instance method's receiver its first parameter). The new {@code m} tests {@code Interception.armed()} and
 * {@code Interception.awaits("m")}, and runs {@code m$original} when either says no; otherwise it makes the call: ENTER
 * with the receiver and the boxed arguments, the original or the groutine's result, EXIT. The {@code Method} it names is
 * a dynamic constant of the class, resolved at the first armed call. A constructor is observed, not wrapped (the JVM
 * refuses writes to final fields from outside {@code <init>}): ENTER after its {@code super(...)} or
 * {@code this(...)} call, EXIT before each return and, with the exception, around the rest of its body
 * ({@link Constructions}). A class it changes gets a static field {@value WovenCode#MARKER}, which reflection shows as
 * a woven class's mark ({@link Weaving#isWoven}).
 *
 * <p>Left to AspectJ ({@link #weave} returns {@code null}): a class file older than Java 11 (no dynamic constants),
 * one that AspectJ compiled or wove (its attributes), and one this weaver fails on.
 */
final class DirectWeaver {

    private static final ClassDesc INTERCEPTION = ClassDesc.of("io.groutines.Interception");

    private static final ClassDesc CALL = ClassDesc.of("io.groutines.Call");

    private static final ClassDesc WOVEN_CODE = ClassDesc.of(WovenCode.class.getName());

    private static final ClassDesc EXECUTABLE = ClassDesc.of("java.lang.reflect.Executable");

    private static final ClassDesc METHOD = ClassDesc.of("java.lang.reflect.Method");

    private static final ClassDesc CONSTRUCTOR = ClassDesc.of("java.lang.reflect.Constructor");

    private static final ClassDesc OBJECTS = CD_Object.arrayType();

    private static final MethodTypeDesc ARMED = MethodTypeDesc.of(CD_boolean);

    private static final MethodTypeDesc AWAITS = MethodTypeDesc.of(CD_boolean, CD_String);

    private static final MethodTypeDesc ENTER = MethodTypeDesc.of(CALL, EXECUTABLE, CD_Object, OBJECTS);

    private static final MethodTypeDesc SKIPS_ORIGINAL = MethodTypeDesc.of(CD_boolean, CALL);

    private static final MethodTypeDesc ARGUMENTS = MethodTypeDesc.of(OBJECTS, CALL);

    private static final MethodTypeDesc EXIT = MethodTypeDesc.of(CD_Object, CALL, CD_Object, CD_Throwable);

    private static final MethodTypeDesc CONSTRUCTING = MethodTypeDesc.of(CD_void, EXECUTABLE, CD_Object, OBJECTS);

    private static final MethodTypeDesc NUMBER = MethodTypeDesc.of(CD_Number, CD_Object, CD_String);

    private static final MethodTypeDesc CONSTRUCTED = MethodTypeDesc.of(CD_void, CD_Object, CD_Throwable);

    private static final DirectMethodHandleDesc METHOD_BOOTSTRAP = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, WOVEN_CODE, "method",
            MethodTypeDesc.of(CD_Object, CD_MethodHandles_Lookup, CD_String, CD_Class, CD_MethodHandle));

    private static final DirectMethodHandleDesc CONSTRUCTOR_BOOTSTRAP = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, WOVEN_CODE, "constructor",
            MethodTypeDesc.of(CD_Object, CD_MethodHandles_Lookup, CD_String, CD_Class, CD_MethodType));

    /** Changes with what this weaver writes: part of the weaving cache's identity. */
    static final String VERSION = "1";

    /** The oldest class file this weaver writes into: Java 11's, the first with dynamic constants. */
    static final int OLDEST_VERSION = ClassFile.JAVA_11_VERSION;

    private DirectWeaver() {
    }

    /** What one class became. */
    record Woven(byte[] bytes, int methods, int constructors) {
    }

    /**
     * @param loader the class loader that defines the class (its resources answer the stack maps' questions about
     *        the class's supertypes)
     * @param bytes the class file
     * @return the woven class, or one with {@code bytes} itself when nothing in the class is woven; {@code null} when
     *         this weaver leaves the class to AspectJ
     */
    static Woven weave(ClassLoader loader, byte[] bytes) {
        ClassModel model;
        try {
            model = ClassFile.of().parse(bytes);
        }
        catch (IllegalArgumentException ex) {
            return null; // AspectJ's weaver reports what it makes of a class file that does not parse
        }
        if (model.majorVersion() < OLDEST_VERSION || model.isModuleInfo()) {
            return null;
        }
        for (Attribute<?> attribute : model.attributes()) {
            if (attribute.attributeName().stringValue().startsWith("org.aspectj.")) {
                return null; // compiled or woven by AspectJ: AspectJ knows what it may do with it
            }
        }
        for (var field : model.fields()) {
            if (field.fieldName().equalsString(WovenCode.MARKER)) {
                return new Woven(bytes, 0, 0);
            }
        }
        boolean isInterface = model.flags().has(AccessFlag.INTERFACE);
        Set<String> names = new HashSet<>();
        for (MethodModel m : model.methods()) {
            names.add(m.methodName().stringValue());
        }
        int methods = 0;
        int constructors = 0;
        for (MethodModel m : model.methods()) {
            if (wraps(m)) {
                if (names.contains(m.methodName().stringValue() + WovenCode.ORIGINAL)) {
                    return null; // a name taken: not ours to decide
                }
                methods++;
            }
            else if (observes(m)) {
                constructors++;
            }
        }
        if (methods == 0 && constructors == 0) {
            return new Woven(bytes, 0, 0);
        }
        ClassDesc owner = model.thisClass().asSymbol();
        int[] observed = new int[1];
        ClassTransform transform = new ClassTransform() {
            @Override
            public void accept(ClassBuilder builder, ClassElement element) {
                if (element instanceof MethodModel m && wraps(m)) {
                    wrap(builder, owner, isInterface, m);
                }
                else if (element instanceof MethodModel m && observes(m)) {
                    Observe observe = new Observe(owner, m.methodTypeSymbol());
                    builder.transformMethod(m, (method, e) -> {
                        if (e instanceof CodeModel code) {
                            method.transformCode(code, observe);
                        }
                        else {
                            method.with(e);
                        }
                    });
                    if (observe.entered) {
                        observed[0]++;
                    }
                }
                else {
                    builder.with(element);
                }
            }

            @Override
            public void atEnd(ClassBuilder builder) {
                int flags = ClassFile.ACC_STATIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC
                        | (isInterface ? ClassFile.ACC_PUBLIC : ClassFile.ACC_PRIVATE);
                builder.withField(WovenCode.MARKER, CD_boolean,
                        field -> field.withFlags(flags).with(ConstantValueAttribute.of(1)));
            }
        };
        byte[] woven = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofResourceParsing(loader).cached())).transformClass(model, transform);
        return new Woven(woven, methods, observed[0]);
    }

    /** A method whose execution is wrapped: every one with a body but the compiler's and other tools' additions. */
    private static boolean wraps(MethodModel m) {
        String name = m.methodName().stringValue();
        return m.code().isPresent() && !m.flags().has(AccessFlag.SYNTHETIC) && !m.flags().has(AccessFlag.BRIDGE)
                && !name.equals("<init>") && !name.equals("<clinit>");
    }

    /** A constructor whose execution is observed. */
    private static boolean observes(MethodModel m) {
        return m.code().isPresent() && !m.flags().has(AccessFlag.SYNTHETIC) && m.methodName().equalsString("<init>");
    }

    /** Moves a method's body into {@code m$original} and writes the interception around it under the method's name. */
    private static void wrap(ClassBuilder builder, ClassDesc owner, boolean isInterface, MethodModel m) {
        String name = m.methodName().stringValue();
        MethodTypeDesc type = m.methodTypeSymbol();
        int flags = m.flags().flagsMask();
        boolean isStatic = (flags & ClassFile.ACC_STATIC) != 0;
        String original = name + WovenCode.ORIGINAL;
        // static, the receiver its first parameter, as AspectJ moves a body: the same bytecode and stack maps (local 0
        // is the receiver either way), and never an instance method that frameworks would take for a getter or setter
        int originalFlags = ClassFile.ACC_STATIC | (flags & ClassFile.ACC_STRICT) | ClassFile.ACC_PRIVATE
                | ClassFile.ACC_SYNTHETIC;
        MethodTypeDesc originalType = isStatic ? type : type.insertParameterTypes(0, owner);
        CodeModel body = m.code().orElseThrow();
        builder.withMethod(original, originalType, originalFlags, method -> method.with(body));
        DirectMethodHandleDesc.Kind kind = isStatic
                ? isInterface ? DirectMethodHandleDesc.Kind.INTERFACE_STATIC : DirectMethodHandleDesc.Kind.STATIC
                : (flags & ClassFile.ACC_PRIVATE) != 0
                        ? isInterface ? DirectMethodHandleDesc.Kind.INTERFACE_SPECIAL : DirectMethodHandleDesc.Kind.SPECIAL
                        : isInterface ? DirectMethodHandleDesc.Kind.INTERFACE_VIRTUAL : DirectMethodHandleDesc.Kind.VIRTUAL;
        ConstantDesc callable = DynamicConstantDesc.ofNamed(METHOD_BOOTSTRAP, "method", METHOD,
                MethodHandleDesc.ofMethod(kind, owner, name, type));
        // the line of the body's first statement, as AspectJ's woven method has it: a stack trace's frame of the
        // method reads as written (Foo.save(Foo.java:12)), under the frame of the body (Foo.save$original(...))
        int line = body.elementStream().filter(LineNumber.class::isInstance).mapToInt(e -> ((LineNumber) e).line())
                .findFirst().orElse(-1);
        builder.withMethod(name, type, flags, method -> {
            for (MethodElement e : m) {
                if (!(e instanceof CodeModel)) {
                    method.with(e);
                }
            }
            method.withCode(code -> {
                if (line > 0) {
                    code.lineNumber(line);
                }
                intercept(code, owner, isInterface, isStatic, name, type, original, callable);
            });
        });
    }

    /** The protocol of {@code AroundAdvice}, for one method: the arm test, ENTER, skip or proceed, EXIT. */
    private static void intercept(CodeBuilder code, ClassDesc owner, boolean isInterface, boolean isStatic, String name,
            MethodTypeDesc type, String original, ConstantDesc callable) {
        Label dormant = code.newLabel();
        code.invokestatic(INTERCEPTION, "armed", ARMED);
        code.ifeq(dormant);
        code.ldc(name);
        code.invokestatic(INTERCEPTION, "awaits", AWAITS);
        code.ifeq(dormant);
        code.ldc(callable);
        if (isStatic) {
            code.aconst_null();
        }
        else {
            code.aload(0);
        }
        arguments(code, type);
        code.invokestatic(INTERCEPTION, "enter", ENTER);
        int call = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(call);
        code.aload(call);
        code.ifnull(dormant);

        Label proceed = code.newLabel();
        code.aload(call);
        code.invokestatic(INTERCEPTION, "skipsOriginal", SKIPS_ORIGINAL);
        code.ifeq(proceed);
        code.aload(call);
        code.aconst_null();
        code.aconst_null();
        code.invokestatic(INTERCEPTION, "exit", EXIT);
        returnAs(code, type.returnType());

        code.labelBinding(proceed);
        Label start = code.newLabel();
        Label end = code.newLabel();
        Label failed = code.newLabel();
        code.labelBinding(start);
        int count = type.parameterCount();
        int args = -1;
        if (count > 0) {
            args = code.allocateLocal(TypeKind.REFERENCE);
            code.aload(call);
            code.invokestatic(INTERCEPTION, "arguments", ARGUMENTS);
            code.astore(args);
        }
        if (!isStatic) {
            code.aload(0);
        }
        for (int i = 0; i < count; i++) {
            code.aload(args);
            code.loadConstant(i);
            code.aaload();
            unbox(code, type.parameterType(i));
        }
        invokeOriginal(code, owner, isInterface, isStatic, original, type);
        box(code, type.returnType());
        int result = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(result);
        code.labelBinding(end);
        code.aload(call);
        code.aload(result);
        code.aconst_null();
        code.invokestatic(INTERCEPTION, "exit", EXIT);
        returnAs(code, type.returnType());

        code.labelBinding(failed);
        int thrown = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(thrown);
        code.aload(call);
        code.aconst_null();
        code.aload(thrown);
        code.invokestatic(INTERCEPTION, "exit", EXIT);
        returnAs(code, type.returnType());
        code.exceptionCatchAll(start, end, failed);

        code.labelBinding(dormant);
        if (!isStatic) {
            code.aload(0);
        }
        for (int i = 0; i < count; i++) {
            code.loadLocal(TypeKind.from(type.parameterType(i)), code.parameterSlot(i));
        }
        invokeOriginal(code, owner, isInterface, isStatic, original, type);
        code.return_(TypeKind.from(type.returnType()));
    }

    private static void invokeOriginal(CodeBuilder code, ClassDesc owner, boolean isInterface, boolean isStatic,
            String original, MethodTypeDesc type) {
        code.invokestatic(owner, original, isStatic ? type : type.insertParameterTypes(0, owner), isInterface);
    }

    /** Pushes a new {@code Object[]} of the method's arguments, primitive ones boxed. */
    private static void arguments(CodeBuilder code, MethodTypeDesc type) {
        int count = type.parameterCount();
        code.loadConstant(count);
        code.anewarray(CD_Object);
        for (int i = 0; i < count; i++) {
            ClassDesc parameter = type.parameterType(i);
            code.dup();
            code.loadConstant(i);
            code.loadLocal(TypeKind.from(parameter), code.parameterSlot(i));
            box(code, parameter);
            code.aastore();
        }
    }

    /** Boxes the value of this type on the stack; a {@code void} result becomes {@code null}. */
    private static void box(CodeBuilder code, ClassDesc type) {
        if (type.equals(CD_void)) {
            code.aconst_null();
        }
        else if (type.isPrimitive()) {
            ClassDesc boxed = wrapper(type);
            code.invokestatic(boxed, "valueOf", MethodTypeDesc.of(boxed, type));
        }
    }

    /** Converts the {@code Object} on the stack to this type, as AspectJ's {@code proceed} does. */
    private static void unbox(CodeBuilder code, ClassDesc type) {
        if (type.equals(CD_boolean) || type.equals(CD_char)) {
            code.invokestatic(WOVEN_CODE, type.displayName() + "Value", MethodTypeDesc.of(type, CD_Object));
        }
        else if (type.isPrimitive()) {
            // a number of any kind, null as zero, then Number's own conversion to this type
            String primitive = type.displayName();
            code.ldc(primitive);
            code.invokestatic(WOVEN_CODE, "number", NUMBER);
            code.invokevirtual(CD_Number, primitive + "Value", MethodTypeDesc.of(type));
        }
        else if (!type.equals(CD_Object)) {
            code.checkcast(type);
        }
    }

    /** Returns the {@code Object} on the stack as the method's result. */
    private static void returnAs(CodeBuilder code, ClassDesc type) {
        if (type.equals(CD_void)) {
            code.pop();
            code.return_();
            return;
        }
        unbox(code, type);
        code.return_(TypeKind.from(type));
    }

    private static ClassDesc wrapper(ClassDesc primitive) {
        return switch (primitive.descriptorString()) {
            case "Z" -> ClassDesc.of("java.lang.Boolean");
            case "B" -> ClassDesc.of("java.lang.Byte");
            case "C" -> ClassDesc.of("java.lang.Character");
            case "S" -> ClassDesc.of("java.lang.Short");
            case "I" -> ClassDesc.of("java.lang.Integer");
            case "J" -> ClassDesc.of("java.lang.Long");
            case "F" -> ClassDesc.of("java.lang.Float");
            case "D" -> ClassDesc.of("java.lang.Double");
            default -> throw new IllegalArgumentException("not a primitive type: " + primitive.displayName());
        };
    }

    /**
     * A constructor's observation: ENTER after the call of {@code super(...)} or {@code this(...)} (the first
     * {@code invokespecial <init>} that no {@code new} in the constructor's own code is waiting for), EXIT before each
     * return, and EXIT with the exception around everything after that call.
     */
    private static final class Observe implements CodeTransform {

        private final ClassDesc owner;

        private final MethodTypeDesc type;

        /** Objects made with {@code new} whose constructor has not been called yet. */
        private int uninitialized;

        boolean entered;

        private Label start;

        Observe(ClassDesc owner, MethodTypeDesc type) {
            this.owner = owner;
            this.type = type;
        }

        @Override
        public void accept(CodeBuilder code, CodeElement element) {
            if (!entered) {
                code.with(element);
                if (element instanceof NewObjectInstruction) {
                    uninitialized++;
                }
                else if (element instanceof InvokeInstruction invoke && invoke.opcode() == Opcode.INVOKESPECIAL
                        && invoke.name().equalsString("<init>")) {
                    if (uninitialized > 0) {
                        uninitialized--;
                    }
                    else {
                        entered = true;
                        enter(code);
                    }
                }
                return;
            }
            if (element instanceof ReturnInstruction) {
                Label on = code.newLabel();
                code.invokestatic(WOVEN_CODE, "pending", ARMED);
                code.ifeq(on);
                code.aload(0);
                code.aconst_null();
                code.invokestatic(WOVEN_CODE, "constructed", CONSTRUCTED);
                code.labelBinding(on);
            }
            code.with(element);
        }

        private void enter(CodeBuilder code) {
            Label dormant = code.newLabel();
            code.invokestatic(INTERCEPTION, "armed", ARMED);
            code.ifeq(dormant);
            code.ldc("<init>");
            code.invokestatic(INTERCEPTION, "awaits", AWAITS);
            code.ifeq(dormant);
            code.ldc(DynamicConstantDesc.ofNamed(CONSTRUCTOR_BOOTSTRAP, "constructor", CONSTRUCTOR,
                    MethodTypeDesc.of(CD_void, type.parameterList())));
            code.aload(0);
            arguments(code, type);
            code.invokestatic(WOVEN_CODE, "constructing", CONSTRUCTING);
            code.labelBinding(dormant);
            start = code.newLabel();
            code.labelBinding(start);
        }

        @Override
        public void atEnd(CodeBuilder code) {
            if (!entered) {
                return;
            }
            Label end = code.newLabel();
            code.labelBinding(end);
            Label rethrow = code.newLabel();
            int thrown = code.allocateLocal(TypeKind.REFERENCE);
            code.astore(thrown);
            code.invokestatic(WOVEN_CODE, "pending", ARMED);
            code.ifeq(rethrow);
            code.aload(0);
            code.aload(thrown);
            code.invokestatic(WOVEN_CODE, "constructed", CONSTRUCTED);
            code.labelBinding(rethrow);
            code.aload(thrown);
            code.athrow();
            code.exceptionCatchAll(start, end, end);
        }
    }

}
