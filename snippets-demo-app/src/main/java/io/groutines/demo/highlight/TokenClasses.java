package io.groutines.demo.highlight;

import org.fife.ui.rsyntaxtextarea.TokenTypes;

/**
 * Maps RSyntaxTextArea's token types to Pygments' short CSS classes, so that Pygments' own style sheets colour the
 * page: a keyword is {@code k} in every style, a double-quoted string {@code s2}, and so on.
 */
final class TokenClasses {

    private TokenClasses() {
    }

    /** The Pygments class for a standard token type, or null for text that Pygments leaves unstyled. */
    static String of(int tokenType) {
        return switch (tokenType) {
            case TokenTypes.COMMENT_EOL -> "c1";
            case TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION -> "cm";
            case TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP -> "cs";
            case TokenTypes.RESERVED_WORD -> "k";
            case TokenTypes.RESERVED_WORD_2 -> "kr";
            case TokenTypes.FUNCTION -> "nb";
            case TokenTypes.LITERAL_BOOLEAN -> "kc";
            case TokenTypes.LITERAL_NUMBER_DECIMAL_INT -> "mi";
            case TokenTypes.LITERAL_NUMBER_FLOAT -> "mf";
            case TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "mh";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE -> "s2";
            case TokenTypes.LITERAL_CHAR -> "s1";
            case TokenTypes.LITERAL_BACKQUOTE -> "sb";
            case TokenTypes.DATA_TYPE -> "kt";
            case TokenTypes.VARIABLE -> "nv";
            case TokenTypes.REGEX -> "sr";
            case TokenTypes.ANNOTATION -> "nd";
            case TokenTypes.IDENTIFIER -> "n";
            case TokenTypes.SEPARATOR, TokenTypes.MARKUP_TAG_DELIMITER -> "p";
            case TokenTypes.OPERATOR -> "o";
            case TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD, TokenTypes.MARKUP_PROCESSING_INSTRUCTION,
                 TokenTypes.MARKUP_CDATA_DELIMITER -> "cp";
            case TokenTypes.MARKUP_TAG_NAME -> "nt";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "na";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE -> "s";
            case TokenTypes.MARKUP_COMMENT -> "c";
            case TokenTypes.MARKUP_ENTITY_REFERENCE -> "ni";
            case TokenTypes.ERROR_IDENTIFIER, TokenTypes.ERROR_NUMBER_FORMAT, TokenTypes.ERROR_STRING_DOUBLE,
                 TokenTypes.ERROR_CHAR -> "err";
            default -> null;
        };
    }
}
