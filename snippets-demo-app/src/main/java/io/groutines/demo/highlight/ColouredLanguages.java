package io.groutines.demo.highlight;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ActionScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.Assembler6502TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.AssemblerX86TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.BBCodeTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CPlusPlusTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSSTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSharpTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ClojureTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DartTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DelphiTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DockerTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DtdTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.FortranTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GroovyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HTMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HandlebarsTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HtaccessTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.IniTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JSPTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JsonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.KotlinTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LatexTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LessTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LispTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LuaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MakefileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MarkdownTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MxmlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.NSISTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PHPTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PerlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PropertiesFileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ProtoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PythonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RubyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RustTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.SASTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.SQLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ScalaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TclTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TypeScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.UnixShellTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.VhdlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.VisualBasicTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.WindowsBatchTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.XMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.YamlTokenMaker;

/**
 * The Pygments languages that are coloured, each with the RSyntaxTextArea lexer ("token maker") that tokenises it.
 * Every other language of the catalog is shown as plain, escaped text, as Pygments' {@code text} lexer shows it.
 * A new token maker is made for each page: they keep per-scan state and are cheap to build; making them directly
 * also keeps RSyntaxTextArea's synchronized factory out of the request path.
 */
public final class ColouredLanguages {

    private static final Map<String, Supplier<TokenMaker>> LEXERS = new TreeMap<>();

    static {
        add(ActionScriptTokenMaker::new, "actionscript", "actionscript3");
        add(Assembler6502TokenMaker::new, "ca65");
        add(AssemblerX86TokenMaker::new, "nasm", "tasm");
        add(BBCodeTokenMaker::new, "bbcode");
        add(CTokenMaker::new, "c");
        add(CPlusPlusTokenMaker::new, "cpp");
        add(CSharpTokenMaker::new, "csharp");
        add(ClojureTokenMaker::new, "clojure");
        add(CSSTokenMaker::new, "css");
        add(DTokenMaker::new, "d");
        add(DartTokenMaker::new, "dart");
        add(DelphiTokenMaker::new, "delphi");
        add(DockerTokenMaker::new, "docker");
        add(DtdTokenMaker::new, "dtd");
        add(FortranTokenMaker::new, "fortran", "fortranfixed");
        add(GoTokenMaker::new, "go");
        add(GroovyTokenMaker::new, "groovy");
        add(HandlebarsTokenMaker::new, "handlebars");
        add(HTMLTokenMaker::new, "html");
        add(HtaccessTokenMaker::new, "apacheconf");
        add(IniTokenMaker::new, "ini");
        add(JavaTokenMaker::new, "java");
        add(JavaScriptTokenMaker::new, "javascript", "jsx");
        add(JsonTokenMaker::new, "json", "json5");
        add(JSPTokenMaker::new, "jsp");
        add(KotlinTokenMaker::new, "kotlin");
        add(LatexTokenMaker::new, "tex");
        add(LessTokenMaker::new, "less");
        add(LispTokenMaker::new, "common-lisp");
        add(LuaTokenMaker::new, "lua");
        add(MakefileTokenMaker::new, "make");
        add(MarkdownTokenMaker::new, "markdown");
        add(MxmlTokenMaker::new, "mxml");
        add(NSISTokenMaker::new, "nsis");
        add(PerlTokenMaker::new, "perl");
        add(PHPTokenMaker::new, "php");
        add(PropertiesFileTokenMaker::new, "properties");
        add(ProtoTokenMaker::new, "protobuf");
        add(PythonTokenMaker::new, "python", "python2");
        add(RubyTokenMaker::new, "ruby");
        add(RustTokenMaker::new, "rust");
        add(SASTokenMaker::new, "sas");
        add(SQLTokenMaker::new, "sql", "mysql", "postgresql", "tsql", "plpgsql");
        add(ScalaTokenMaker::new, "scala");
        add(TclTokenMaker::new, "tcl");
        add(TypeScriptTokenMaker::new, "typescript", "tsx");
        add(UnixShellTokenMaker::new, "bash");
        add(VhdlTokenMaker::new, "vhdl");
        add(VisualBasicTokenMaker::new, "vb.net");
        add(WindowsBatchTokenMaker::new, "batch");
        add(XMLTokenMaker::new, "xml");
        add(YamlTokenMaker::new, "yaml");
    }

    private ColouredLanguages() {
    }

    private static void add(Supplier<TokenMaker> lexer, String... aliases) {
        for (String alias : aliases) {
            LEXERS.put(alias, lexer);
        }
    }

    /** A fresh lexer for the language, or empty when the language is shown as plain text. */
    public static Optional<TokenMaker> lexerFor(String alias) {
        return Optional.ofNullable(LEXERS.get(alias)).map(Supplier::get);
    }

    /** The coloured aliases, sorted (the list docs/demo-api.md gives). */
    public static java.util.Set<String> aliases() {
        return java.util.Collections.unmodifiableSet(LEXERS.keySet());
    }
}
