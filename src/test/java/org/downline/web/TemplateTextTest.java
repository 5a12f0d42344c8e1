package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template holds words a person reads that do not come from a bundle: every text node with a
 * letter in it must sit inside an element whose text Thymeleaf replaces (th:text, th:utext,
 * th:replace, th:insert, th:remove); attributes people read (placeholder, title, alt, aria-label,
 * data-confirm) must be th: ones; and the expressions that make visible text (th:text, th:utext,
 * fragment arguments, th:placeholder, th:title, th:attr) must not carry quoted words. Every template
 * under templates/ is checked, every capability's. Script and style bodies and comments are skipped.
 * The prototype text inside a replaced element (for a designer opening the file) is allowed.
 */
class TemplateTextTest {
  static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
      "source", "track", "wbr", "!doctype");
  static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z!][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>");
  static final Pattern ATTR = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:.-]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
  static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
  static final Set<String> READ_ATTRS = Set.of("placeholder", "title", "alt", "aria-label", "data-confirm", "label");
  static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:placeholder",
      "th:title", "th:alt", "th:attr", "th:aria-label");
  /** Literals that are codes rather than words: paths, dotted or dashed identifiers, booleans. */
  static final Pattern CODE = Pattern.compile("/.*|[a-z0-9_]+[./-][a-z0-9_./-]*|true|false|[^\\p{L}]*");

  /** The quoted literals of an expression that read as words (not compared with == or !=, not codes). */
  static List<String> quotedWords(String expr) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while ((i = expr.indexOf('\'', i)) >= 0) {
      int end = expr.indexOf('\'', i + 1);
      if (end < 0) break;
      String literal = expr.substring(i + 1, end);
      String before = expr.substring(0, i).stripTrailing();
      boolean compared = before.endsWith("==") || before.endsWith("!=");
      if (!compared && !CODE.matcher(literal).matches()) words.add(literal);
      i = end + 1;
    }
    return words;
  }

  static List<String> problems(String name, String html) {
    List<String> out = new ArrayList<>();
    String src = html.replaceAll("(?s)<!--.*?-->", "")
        .replaceAll("(?s)(<script\\b[^>]*>).*?(</script>)", "$1$2")
        .replaceAll("(?s)(<style\\b[^>]*>).*?(</style>)", "$1$2");
    Deque<boolean[]> open = new ArrayDeque<>(); // per open element: does Thymeleaf replace its body?
    Deque<String> names = new ArrayDeque<>();
    Matcher t = TAG.matcher(src);
    int last = 0;
    while (t.find()) {
      check(name, src, src.substring(last, t.start()), open, out, last);
      last = t.end();
      String tag = t.group(2).toLowerCase();
      if (t.group(1).equals("/")) {
        while (!names.isEmpty()) {
          open.pop();
          if (names.pop().equals(tag)) break;
        }
        continue;
      }
      boolean replaces = false;
      Matcher a = ATTR.matcher(t.group(3));
      while (a.find()) {
        String attr = a.group(1).toLowerCase();
        String value = a.group(3) != null ? a.group(3) : a.group(4);
        if (REPLACING.contains(attr)) replaces = true;
        if (READ_ATTRS.contains(attr) && value.codePoints().anyMatch(Character::isLetter)) {
          out.add(name + ":" + line(src, t.start()) + ": literal " + attr + "=\"" + value + "\"");
        }
        if (TEXT_EXPRESSIONS.contains(attr)) {
          // Keys (#{...}), URLs (@{...}) and fragment names (~{a :: b}) are not text.
          String expr = value.replaceAll("#\\{'?[^}]*\\}", "").replaceAll("@\\{[^}]*\\}", "")
              .replaceAll("~\\{\\s*[\\w/-]+\\s*::\\s*[\\w-]+", "").replaceAll("#strings\\.listJoin\\([^)]*\\)", "")
              .replaceAll("#messages\\.msg\\('[^']*'", "");
          for (String w : quotedWords(expr)) out.add(name + ":" + line(src, t.start()) + ": quoted words '" + w + "' in " + attr);
        }
      }
      if (VOID.contains(tag) || !t.group(4).isEmpty()) continue;
      open.push(new boolean[] {replaces});
      names.push(tag);
    }
    check(name, src, src.substring(last), open, out, last);
    return out;
  }

  private static void check(String name, String src, String text, Deque<boolean[]> open, List<String> out, int at) {
    String plain = text.replaceAll("&[a-zA-Z]+;|&#\\d+;", " ").strip();
    if (plain.codePoints().noneMatch(Character::isLetter)) return;
    for (boolean[] o : open) if (o[0]) return;
    out.add(name + ":" + line(src, at) + ": literal text \"" + plain.replaceAll("\\s+", " ") + "\"");
  }

  private static int line(String src, int at) {
    int n = 1;
    for (int i = 0; i < at && i < src.length(); i++) if (src.charAt(i) == '\n') n++;
    return n;
  }

  @Test
  void noTemplateHoldsLiteralText() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(BundlesTest.TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        problems.addAll(problems(BundlesTest.TEMPLATES.relativize(f).toString(), Files.readString(f)));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckFindsLiteralTextAndLetsKeysThrough() {
    assertThat(problems("t", "<p>Hello</p>")).hasSize(1);
    assertThat(problems("t", "<p th:text=\"#{a.b}\">Hello</p>")).isEmpty();
    assertThat(problems("t", "<td><span th:text=\"${x}\">x</span> pts</td>")).hasSize(1);
    assertThat(problems("t", "<input placeholder=\"member id\">")).hasSize(1);
    assertThat(problems("t", "<td th:text=\"${a} ? 'yes' : 'no'\"></td>")).hasSize(2);
    assertThat(problems("t", "<td th:text=\"${d.key} + ' (' + ${n} + ')'\"></td>")).isEmpty();
    assertThat(problems("t", "<td th:text=\"${a == 'customers'} ? #{x} : #{y}\"></td>")).isEmpty();
    assertThat(problems("t", "<head th:replace=\"~{fragments :: head('Sign in')}\"></head>")).hasSize(1);
    assertThat(problems("t", "<head th:replace=\"~{fragments :: head(#{x})}\"></head>")).isEmpty();
    assertThat(problems("t", "<p>· ‹ › – 12</p><script>var a = 'words';</script>")).isEmpty();
  }
}
