package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records that give the templates their components themselves ({@link Template.Components}) give each as its
 * accessor does, and nothing for a name that is none of them: what the engine read by reflection before.
 */
class ComponentsTest {

    @Test
    void eachRecord_givesEachComponentAsItsAccessorDoes() throws Exception {
        List<Class<?>> records = implementations();
        assertFalse(records.isEmpty());
        for (Class<?> type : records) {
            RecordComponent[] components = type.getRecordComponents();
            // one instance per component, that component alone set apart, so that no two can be confused
            for (int marked = 0; marked < components.length; marked++) {
                Object record = instance(type, marked);
                for (RecordComponent component : components) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    assertEquals(accessor.invoke(record), ((Template.Components) record).component(component.getName()),
                            type.getSimpleName() + "." + component.getName());
                }
                assertSame(Template.Components.NONE, ((Template.Components) record).component("absent"));
            }
        }
    }

    @Test
    void aNameARecordHasNoComponentOf_failsTheRender() {
        Template template = Template.parse("t.md", "{% for s in settings %}\n{{ md(s.what) }} {{ md(s.vlue) }}\n{% endfor %}\n");

        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> template.render(Map.of("settings", List.of(new Facts.Setting("a", "b")))));
        assertEquals("template t.md, line 2: Setting has no component vlue", e.getMessage());
    }

    /** The records of spark-gen's classes that implement {@link Template.Components}. */
    private static List<Class<?>> implementations() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ComponentsTest.class.getClassLoader());
                if (type.isRecord() && Template.Components.class.isAssignableFrom(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    /** A record whose component {@code marked} holds a value none of the others holds. */
    private static Object instance(Class<?> type, int marked) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(types[i], i == marked);
        }
        var constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type, boolean marked) throws Exception {
        if (type == boolean.class) {
            return marked;
        } else if (type == int.class) {
            return marked ? 7 : 0;
        } else if (type == long.class) {
            return marked ? 7L : 0L;
        } else if (type == String.class) {
            return marked ? "marked" : "plain";
        } else if (type == Map.class || type == SortedMap.class) {
            return marked ? new TreeMap<>(Map.of("marked", "")) : new TreeMap<>();
        } else if (type == List.class) {
            return marked ? List.of("marked") : List.of();
        } else if (type.isRecord() && marked) {
            return instance(type, -1);
        }
        return null;
    }
}
