package dev.sparkgen.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of spark-gen's templates, parsed once and rendered many times, from any thread. The syntax is Jinja's (the
 * files read the same in Jinja2, with {@code trim_blocks}, {@code lstrip_blocks}, {@code keep_trailing_newline}
 * and {@code StrictUndefined}), limited to what the templates need, and anything else is refused when the
 * template is parsed:
 * <ul>
 *   <li>{@code {{ f(path) }}} and {@code {{ f(path, 4) }}}: a value printed through one of {@link #FUNCTIONS},
 *       which encode it for where it lands; a value cannot be printed otherwise;</li>
 *   <li>{@code {% if c %}}, {@code {% elif c %}}, {@code {% else %}}, {@code {% endif %}}, where {@code c} is
 *       {@code path} or {@code path == "text"}, joined by {@code or}; Jinja's truth (none, false, zero, empty
 *       text and empty collections are false);</li>
 *   <li>{@code {% for x in path %}} ... {@code {% endfor %}} over a list;</li>
 *   <li>a block tag stands alone on its line, which it takes whole (newline and indentation included).</li>
 * </ul>
 * A path is a variable and the record components or map keys below it ({@code pod.resources.cpuLimit}). A
 * variable that does not exist, a component a record does not have, or a path through nothing fails the render:
 * a template cannot silently print a renamed field.
 */
final class Template {

    /** The functions a template prints through, by name; the second argument is the indentation, if any. */
    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            one("yaml", TemplateFunctions::yaml), one("number", TemplateFunctions::number),
            two("toyaml", TemplateFunctions::toyaml), two("fields", TemplateFunctions::fields),
            two("block", TemplateFunctions::block), two("nest", TemplateFunctions::nest),
            two("args", TemplateFunctions::args), two("env", TemplateFunctions::env),
            Map.entry("properties", new Function(false, (out, value, indent) -> TemplateFunctions.properties(out, value))),
            Map.entry("exports", new Function(false, (out, value, indent) -> TemplateFunctions.exports(out, value))),
            one("comment", TemplateFunctions::comment), one("md", TemplateFunctions::md),
            one("label", TemplateFunctions::label));

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String PATH = NAME + "(?:\\." + NAME + ")*";
    private static final Pattern PRINT = Pattern.compile("\\{\\{ *(" + NAME + ")\\((" + PATH + ")(?:, *(\\d+))?\\) *}}");
    private static final Pattern TAG = Pattern.compile(" *\\{% *(.*?) *%}");
    private static final Pattern FOR = Pattern.compile("for (" + NAME + ") in (" + PATH + ")");
    private static final Pattern TEST = Pattern.compile("(" + PATH + ")(?: == \"([^\"\\\\]*)\")?");

    private final String name;
    private final Part[] parts;
    /** The longest output so far: the next render's first buffer (a race between threads only sizes a buffer). */
    private int longest = 256;

    private Template(String name, Part[] parts) {
        this.name = name;
        this.parts = parts;
    }

    /** Parses a template's text; what it does not accept is spark-gen's bug, thrown with the template's line. */
    static Template parse(String name, String text) {
        Parser parser = new Parser(name, text);
        Part[] parts = parser.parts();
        if (!parser.tag.isEmpty()) {
            throw parser.error("{% " + parser.tag + " %} has no block to end or continue");
        }
        return new Template(name, parts);
    }

    /** The template with these variables; a template that reads what is not there fails, as a bug. */
    String render(Map<String, Object> variables) {
        StringBuilder out = new StringBuilder(longest);
        new Scope(variables, null, null).render(parts, out);
        if (out.length() > longest) {
            longest = out.length();
        }
        return out.toString();
    }

    /** A record's components by name, null ones left out (a template that reads one fails): a template's variables. */
    static Map<String, Object> components(Record record) {
        Map<String, Object> values = new HashMap<>();
        ACCESSORS.get(record.getClass()).forEach((component, accessor) -> {
            Object value = read(accessor, record);
            if (value != null) {
                values.put(component, value);
            }
        });
        return values;
    }

    private sealed interface Part permits Text, Print, If, For {
    }

    private record Text(String text) implements Part {
    }

    private record Print(Function function, Path path, int indent, int line) implements Part {
    }

    /** Each branch's condition in turn; the last branch of an {@code else} has none. */
    private record If(Condition[] conditions, Part[][] branches) implements Part {
    }

    private record For(String variable, Path list, Part[] body, int line) implements Part {
    }

    /** Alternatives joined by {@code or}, each a path, or a path and the text it must equal. */
    private record Condition(Path[] paths, String[] equals) {
    }

    /**
     * A variable and the names below it; {@code last} holds, for each name read in a record, the record's class
     * and accessor at the last render (nearly always the same class there, so not looked up again), or null.
     */
    private record Path(String[] names, String text, int line, Step[] last) {
    }

    /** An accessor and the record class it reads (immutable, so safe to share between threads without a lock). */
    private record Step(Class<?> type, Method accessor) {
    }

    /** A function of {@link TemplateFunctions}: whether it takes an indentation, and what it appends to the output. */
    private record Function(boolean indented, Body body) {
    }

    private interface Body {
        void print(StringBuilder out, Object value, int indent);
    }

    private static Map.Entry<String, Function> one(String name, java.util.function.Function<Object, String> body) {
        return Map.entry(name, new Function(false, (out, value, indent) -> out.append(body.apply(value))));
    }

    private static Map.Entry<String, Function> two(String name, Body body) {
        return Map.entry(name, new Function(true, body));
    }

    /** The variables of a render, and a loop's variable over them. */
    private final class Scope {

        private final Map<String, Object> variables;
        private final String loopVariable;
        private final Object loopValue;
        private final Scope outer;

        Scope(Map<String, Object> variables, String loopVariable, Object loopValue) {
            this(variables, loopVariable, loopValue, null);
        }

        private Scope(Map<String, Object> variables, String loopVariable, Object loopValue, Scope outer) {
            this.variables = variables;
            this.loopVariable = loopVariable;
            this.loopValue = loopValue;
            this.outer = outer;
        }

        void render(Part[] parts, StringBuilder out) {
            for (Part part : parts) {
                if (part instanceof Text text) {
                    out.append(text.text());
                } else if (part instanceof Print print) {
                    print.function().body().print(out, value(print.path()), print.indent());
                } else if (part instanceof If test) {
                    for (int i = 0; i < test.branches().length; i++) {
                        if (i == test.conditions().length || holds(test.conditions()[i])) {
                            render(test.branches()[i], out);
                            break;
                        }
                    }
                } else if (part instanceof For loop) {
                    if (!(value(loop.list()) instanceof Collection<?> items)) {
                        throw error(loop.line(), loop.list().text() + " is not a list");
                    }
                    for (Object item : items) {
                        new Scope(variables, loop.variable(), item, this).render(loop.body(), out);
                    }
                }
            }
        }

        private boolean holds(Condition condition) {
            for (int i = 0; i < condition.paths().length; i++) {
                Object value = value(condition.paths()[i]);
                String equals = condition.equals()[i];
                if (equals == null ? truthy(value) : value != null && equals.equals(value.toString())) {
                    return true;
                }
            }
            return false;
        }

        private Object value(Path path) {
            String[] names = path.names();
            Object value = variable(names[0], path);
            for (int i = 1; i < names.length; i++) {
                if (value instanceof Record record) {
                    value = read(accessor(path, i, record), record);
                } else if (value instanceof Map<?, ?> map) {
                    value = map.get(names[i]);
                } else {
                    throw error(path.line(), "cannot read " + names[i] + " of " + path.text() + ": "
                            + (value == null ? "nothing" : value.getClass().getSimpleName()) + " is there");
                }
            }
            return value;
        }

        /** The accessor of step {@code i} of a path in this record: the one it read last, when of the same class. */
        private Method accessor(Path path, int i, Record record) {
            Step last = path.last()[i];
            if (last != null && last.type() == record.getClass()) {
                return last.accessor();
            }
            Method accessor = ACCESSORS.get(record.getClass()).get(path.names()[i]);
            if (accessor == null) {
                throw error(path.line(), record.getClass().getSimpleName() + " has no component " + path.names()[i]);
            }
            path.last()[i] = new Step(record.getClass(), accessor);
            return accessor;
        }

        private Object variable(String variable, Path path) {
            for (Scope scope = this; scope != null; scope = scope.outer) {
                if (variable.equals(scope.loopVariable)) {
                    return scope.loopValue;
                }
            }
            Object value = variables.get(variable);
            if (value == null) {
                throw error(path.line(), "no variable " + variable);
            }
            return value;
        }
    }

    /** Jinja's truth of a value. */
    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    private IllegalStateException error(int line, String message) {
        return new IllegalStateException("template " + name + ", line " + line + ": " + message);
    }

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return accessors;
        }
    };

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the lines of a template into parts, block by block. */
    private static final class Parser {

        private final String name;
        private final List<String> lines = new ArrayList<>();
        private int next;
        /** The tag that ended the last block read. */
        private String tag = "";

        Parser(String name, String text) {
            this.name = name;
            for (int start = 0; start < text.length(); ) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end + 1;
                lines.add(text.substring(start, end));
                start = end;
            }
        }

        /** The parts up to the end of the text or the next {@code elif}, {@code else}, {@code endif}, {@code endfor}. */
        Part[] parts() {
            List<Part> parts = new ArrayList<>();
            while (next < lines.size()) {
                String line = lines.get(next++);
                Matcher block = TAG.matcher(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
                if (!block.matches()) {
                    text(line, parts);
                    continue;
                }
                tag = block.group(1);
                int at = next;
                if (tag.startsWith("if ")) {
                    parts.add(ifBlock(condition(tag.substring(3))));
                } else if (tag.startsWith("for ")) {
                    Matcher loop = FOR.matcher(tag);
                    if (!loop.matches()) {
                        throw error("not a loop this engine knows: {% " + tag + " %}");
                    }
                    Part[] body = parts();
                    expect("endfor", at);
                    parts.add(new For(loop.group(1), path(loop.group(2)), body, at));
                } else if (tag.startsWith("elif ") || tag.equals("else") || tag.startsWith("end")) {
                    return parts.toArray(new Part[0]);
                } else {
                    throw error("not a tag this engine knows: {% " + tag + " %}");
                }
            }
            tag = "";
            return parts.toArray(new Part[0]);
        }

        private If ifBlock(Condition first) {
            int at = next;
            List<Condition> conditions = new ArrayList<>(List.of(first));
            List<Part[]> branches = new ArrayList<>();
            while (true) {
                branches.add(parts());
                if (tag.startsWith("elif ")) {
                    conditions.add(condition(tag.substring(5)));
                } else if (tag.equals("else")) {
                    branches.add(parts());
                    expect("endif", at);
                    return new If(conditions.toArray(new Condition[0]), branches.toArray(new Part[0][]));
                } else {
                    expect("endif", at);
                    return new If(conditions.toArray(new Condition[0]), branches.toArray(new Part[0][]));
                }
            }
        }

        private void expect(String end, int opened) {
            if (!tag.equals(end)) {
                throw error("the block opened on line " + opened + " ends with "
                        + (tag.isEmpty() ? "the end of the template" : "{% " + tag + " %}") + ", not {% " + end + " %}");
            }
        }

        private Condition condition(String text) {
            List<Path> paths = new ArrayList<>();
            List<String> equals = new ArrayList<>();
            for (String alternative : text.split(" or ", -1)) {
                Matcher test = TEST.matcher(alternative);
                if (!test.matches()) {
                    throw error("not a condition this engine knows: " + alternative);
                }
                paths.add(path(test.group(1)));
                equals.add(test.group(2));
            }
            return new Condition(paths.toArray(new Path[0]), equals.toArray(new String[0]));
        }

        private Path path(String text) {
            String[] names = text.split("\\.");
            return new Path(names, text, next, new Step[names.length]);
        }

        /** A line of text and the values it prints. */
        private void text(String line, List<Part> parts) {
            if (line.contains("{%") || line.contains("{#")) {
                throw error("a block tag stands alone on its line, and templates have no comments: " + line.strip());
            }
            int start = 0;
            for (int open = line.indexOf("{{"); open >= 0; open = line.indexOf("{{", start)) {
                int close = line.indexOf("}}", open);
                Matcher print = PRINT.matcher(close < 0 ? "" : line.substring(open, close + 2));
                Function function = print.matches() ? FUNCTIONS.get(print.group(1)) : null;
                if (function == null || function.indented() != (print.group(3) != null)) {
                    throw error("a value is printed as f(path) or f(path, indent), f one of " + FUNCTIONS.keySet()
                            + " with its arguments: " + line.substring(open, close < 0 ? line.length() : close + 2));
                }
                add(parts, line.substring(start, open));
                parts.add(new Print(function, path(print.group(2)),
                        print.group(3) == null ? 0 : Integer.parseInt(print.group(3)), next));
                start = close + 2;
            }
            add(parts, line.substring(start));
        }

        private static void add(List<Part> parts, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text last) {
                parts.set(parts.size() - 1, new Text(last.text() + text));
            } else {
                parts.add(new Text(text));
            }
        }

        private IllegalStateException error(String message) {
            return new IllegalStateException("template " + name + ", line " + next + ": " + message);
        }
    }
}
