package io.groutines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The original framework's example groutines, on a hand-woven miniature of its scenario. */
class GroutineAnnotationTest {

    private final Hub hub = Hub.open("annotation-test");

    @AfterEach
    void close() {
        hub.close();
    }

    static final class SeedGroutines {

        final List<String> log = new ArrayList<>();

        /** The original's start_view: no trigger; waits for the dispatch and fires DISPATCH with view and request. */
        @Groutine
        void startView() {
            Call call = FunctionCall.of(Shop.View.class, "dispatch").await(Phase.ENTER);
            Event.named("DISPATCH").fire(call.target(), call.arg(0));
        }

        /** The original's check_permissions: returning true lets every request through; the check does not run. */
        @Groutine(call = "io.groutines.Shop.View.checkPermissions", phase = Phase.ENTER)
        boolean checkPermissions(String request) {
            log.add("allowed " + request);
            return true;
        }

        /** The original's fill_user: woken by DISPATCH, waits for that view's pre-save hook and sets the owner. */
        @Groutine(event = "DISPATCH")
        void fillUser(Shop.View view, String request) {
            Call call = FunctionCall.of(view, "preSave").await(Phase.ENTER);
            ((Shop.Item) call.arg(0)).owner = "vitalii";
            call.replaceResult(null); // the hook itself would set the anonymous request's user
            log.add("owner set on the view of " + request);
        }
    }

    @Test
    void theSeedScenarioLetsAnAnonymousRequestCreateAnItemOwnedByVitalii() {
        SeedGroutines seed = new SeedGroutines();
        List<Strand> strands = hub.spawnAll(seed);
        assertThat(strands).extracting(Strand::name)
                .containsExactly("SeedGroutines.checkPermissions", "SeedGroutines.fillUser", "SeedGroutines.startView");

        Shop.Item item = new Shop.Item("aaa");
        Shop.Response response = new Shop.View().dispatch("anonymous", item);

        assertThat(response.status).isEqualTo(201);
        assertThat(item.owner).isEqualTo("vitalii");
        assertThat(seed.log).containsExactly("allowed anonymous", "owner set on the view of anonymous");
        assertThat(strands).noneMatch(Strand::isAlive);
    }

    @Test
    void withoutGroutinesTheSameRequestIsRefused() {
        assertThat(new Shop.View().dispatch("anonymous", new Shop.Item("aaa")).status).isEqualTo(403);
    }

    @Test
    void fillUserWaitsOnlyForItsOwnViewInstance() {
        hub.spawnAll(new SeedGroutines());
        Shop.View other = new Shop.View();
        Shop.Item otherItem = new Shop.Item("other");
        Shop.Item item = new Shop.Item("mine");
        Shop.View view = new Shop.View();
        // start_view fires DISPATCH for `view`; fill_user then waits for view.preSave only
        view.dispatch("anonymous", item);
        other.preSave(otherItem);
        assertThat(item.owner).isEqualTo("vitalii");
        assertThat(otherItem.owner).isEqualTo("request-user");
    }

    static final class RaisingResponses {

        /** The original's make_responses_raise_exc: a non-2xx response becomes an exception with a stack trace. */
        @Groutine(call = "io.groutines.Shop.Response.<init>", phase = Phase.ENTER, argNames = { "data", "status" }, loop = true)
        void makeResponsesRaiseExc(Object data, int status) {
            if (status / 100 != 2) {
                throw new IllegalStateException("Response " + status + ": " + data);
            }
        }
    }

    @Test
    void makeResponsesRaiseExcTurnsAForbiddenResponseIntoAnException() {
        hub.spawnAll(new RaisingResponses());
        assertThat(new Shop.View().dispatch("alice", new Shop.Item("ok")).status).isEqualTo(201);
        assertThatThrownBy(() -> new Shop.View().dispatch("anonymous", new Shop.Item("x")))
                .isInstanceOf(IllegalStateException.class).hasMessage("Response 403: forbidden")
                .hasStackTraceContaining("Shop$View");
    }

    static final class PrintFieldNames {

        final List<String> printed = new ArrayList<>();

        /** The original's print_field_names: a loop over every call. */
        @Groutine(call = "io.groutines.Greeter.shout", loop = true)
        void printFieldNames(String text, int times, Call call) {
            printed.add(text + " -> " + call.returnValue());
        }
    }

    @Test
    void aLoopingGroutineRunsForEveryCall() {
        PrintFieldNames groutines = new PrintFieldNames();
        List<Strand> strands = hub.spawnAll(groutines);
        Greeter greeter = new Greeter();
        greeter.shout("title", 1);
        greeter.shout("code", 2);
        assertThat(groutines.printed).containsExactly("title -> TITLE", "code -> CODECODE");
        assertThat(strands.get(0).isAlive()).isTrue();
        assertThat(strands.get(0).waitingFor()).contains("FunctionCall(io.groutines.Greeter.shout) EXIT");
    }

    static final class ByName {

        final List<String> seen = new ArrayList<>();

        @Groutine(call = "io.groutines.Greeter.shout", phase = Phase.ENTER, argNames = { "text", "times" })
        void byName(int times, String text) {
            seen.add(text + "x" + times);
        }
    }

    @Test
    void argNamesBindParametersByName() {
        ByName groutines = new ByName();
        hub.spawnAll(groutines);
        new Greeter().shout("hey", 3);
        assertThat(groutines.seen).containsExactly("heyx3");
    }

    static final class UnknownMethod {
        @Groutine(call = "io.groutines.Greeter.gret")
        void typo() {
        }
    }

    static final class BothTriggers {
        @Groutine(call = "io.groutines.Greeter.greet", event = "X")
        void both() {
        }
    }

    static final class TooManyParameters {
        @Groutine(call = "io.groutines.Greeter.greet")
        void tooMany(String name, String extra) {
        }
    }

    static final class WrongType {
        @Groutine(call = "io.groutines.Greeter.greet")
        void wrong(Integer name) {
        }
    }

    static final class CallWithoutCallTrigger {
        @Groutine(event = "X")
        void call(Call call) {
        }
    }

    static final class LoopWithoutTrigger {
        @Groutine(loop = true)
        void loop() {
        }
    }

    static final class UnknownArgName {
        @Groutine(call = "io.groutines.Greeter.shout", argNames = { "text" })
        void wrongName(String txt) {
        }
    }

    static final class NoGroutines {
    }

    /** Every result here could replace the call's: its type, a supertype, a box, or anything for a void callable. */
    static final class FittingResults {
        @Groutine(call = "io.groutines.Greeter.greet")
        Object anything(String name) {
            return null;
        }

        @Groutine(call = "io.groutines.Greeter.greet")
        CharSequence text(String name) {
            return null;
        }

        @Groutine(call = "io.groutines.Greeter.twice", phase = Phase.ENTER)
        int primitive(int value) {
            return value;
        }

        @Groutine(call = "io.groutines.Greeter.twice")
        Integer boxed(int value) {
            return null;
        }

        @Groutine(call = "io.groutines.Greeter.save", phase = Phase.ENTER)
        Boolean skipsAVoidCall(String item) {
            return null;
        }

        @Groutine(call = "io.groutines.Shop.Item.<init>", phase = Phase.ENTER)
        Shop.Item madeInstead(String title) {
            return null;
        }

        @Groutine(call = "io.groutines.Greeter.greet")
        void observes(String name) {
        }
    }

    static final class IntegerForAString {
        @Groutine(call = "io.groutines.Greeter.greet")
        Integer length(String name) {
            return name.length();
        }
    }

    static final class LongForAnInt {
        @Groutine(call = "io.groutines.Greeter.twice", phase = Phase.ENTER)
        long wider(int value) {
            return value;
        }
    }

    static final class StringForAConstructor {
        @Groutine(call = "io.groutines.Shop.Item.<init>", phase = Phase.ENTER)
        String notAnItem(String title) {
            return title;
        }
    }

    @Test
    void aResultThatCouldReplaceTheCallsIsAccepted() {
        assertThat(hub.spawnAll(new FittingResults())).hasSize(7);
    }

    @Test
    void aResultThatCannotReplaceTheCallsIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> hub.spawnAll(new IntegerForAString())).isInstanceOf(TargetException.class)
                .hasMessageContaining("Groutine io.groutines.GroutineAnnotationTest$IntegerForAString.length")
                .hasMessageContaining("io.groutines.Greeter.greet")
                .hasMessageContaining("It returns java.lang.Integer, but the callable returns java.lang.String")
                .hasMessageContaining("return java.lang.String (or a type whose values can be one, such as Object), "
                        + "or void to only observe");
        assertThatThrownBy(() -> hub.spawnAll(new LongForAnInt()))
                .hasMessageContaining("It returns long, but the callable returns int");
        assertThatThrownBy(() -> hub.spawnAll(new StringForAConstructor()))
                .hasMessageContaining("It returns java.lang.String, but the constructor makes a io.groutines.Shop$Item");
        assertThat(hub.strands()).isEmpty();
    }

    @Test
    void aWrongDeclarationIsRefusedWithClassMethodTargetAndFix() {
        assertThatThrownBy(() -> hub.spawnAll(new UnknownMethod())).isInstanceOf(TargetException.class)
                .hasMessageContaining("Groutine io.groutines.GroutineAnnotationTest$UnknownMethod.typo")
                .hasMessageContaining("No method gret in io.groutines.Greeter")
                .hasMessageContaining("did you mean io.groutines.Greeter.greet?");
        assertThatThrownBy(() -> hub.spawnAll(new BothTriggers())).hasMessageContaining("names both a call and an event");
        assertThatThrownBy(() -> hub.spawnAll(new TooManyParameters()))
                .hasMessageContaining("Parameter 'extra' would receive argument 1, but the callable takes 1");
        assertThatThrownBy(() -> hub.spawnAll(new WrongType()))
                .hasMessageContaining("is of type java.lang.Integer but argument 0 is of type java.lang.String");
        assertThatThrownBy(() -> hub.spawnAll(new CallWithoutCallTrigger())).hasMessageContaining("A Call parameter needs a call trigger");
        assertThatThrownBy(() -> hub.spawnAll(new LoopWithoutTrigger())).hasMessageContaining("loop = true needs a trigger");
        assertThatThrownBy(() -> hub.spawnAll(new UnknownArgName())).hasMessageContaining("Parameter 'txt' is not one of argNames [text]");
        assertThatThrownBy(() -> hub.spawnAll(new NoGroutines())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares no @Groutine method");
        assertThat(hub.strands()).isEmpty();
    }
}
