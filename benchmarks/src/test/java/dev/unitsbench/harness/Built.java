package dev.unitsbench.harness;

import java.lang.reflect.Field;

/**
 * Reads what a benchmark's set-up built into a private field, so that a test can compare the
 * objects the two sides of a comparison hand to their runners.
 */
public final class Built {

    private Built() {
    }

    /** The value of {@code owner}'s field {@code name}, declared by its class or a superclass. */
    public static <T> T field(Object owner, String name, Class<T> type) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return type.cast(field.get(owner));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
