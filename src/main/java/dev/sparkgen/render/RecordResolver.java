package dev.sparkgen.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotFoundException;

/**
 * Lets templates read the components of the typed {@link View} records ({@code pod.image}) the way they read map
 * keys. A name that is not a component fails the render, so a template cannot silently read a renamed field;
 * Jinjava's bean resolver would look for {@code getImage()} and find nothing. Read-only.
 */
final class RecordResolver extends ELResolver {

    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
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

    /** A record's components by name, null ones left out (a template that reads one fails): a context's variables. */
    static Map<String, Object> components(Record record) {
        Map<String, Object> values = new HashMap<>();
        COMPONENTS.get(record.getClass()).forEach((name, accessor) -> {
            Object value = read(accessor, record);
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (!(base instanceof Record)) {
            return null;
        }
        Method accessor = COMPONENTS.get(base.getClass()).get(String.valueOf(property));
        if (accessor == null) {
            throw new PropertyNotFoundException(base.getClass().getSimpleName() + " has no component " + property);
        }
        context.setPropertyResolved(true);
        return read(accessor, base);
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Record ? Object.class : null;
    }
}
