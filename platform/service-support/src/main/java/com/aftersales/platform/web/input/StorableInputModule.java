package com.aftersales.platform.web.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Checks every string, date and untyped value of a request body with {@link StorableInput} as Jackson reads it,
 * whatever the DTO: fields, list elements, map keys and values, nested objects. A refused value fails the read with
 * {@link UnstorableValueException}, which the problem advice turns into a field error.
 */
public class StorableInputModule extends SimpleModule {

    public StorableInputModule(StorableInput input) {
        super("aftersales-storable-input");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                return checked(description.getType()) ? new Checked(deserializer, input) : deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
                return new CheckedKey(deserializer, input);
            }
        });
    }

    /** Strings, dates and times, and values whose shape is only known at run time (Object, JSON trees). */
    static boolean checked(JavaType type) {
        Class<?> raw = type.getRawClass();
        return CharSequence.class.isAssignableFrom(raw) || TemporalAccessor.class.isAssignableFrom(raw)
                || raw == Object.class || JsonNode.class.isAssignableFrom(raw);
    }

    private static Object verified(Object value, StorableInput input, JsonParser parser, DeserializationContext context,
                                   JavaType type) {
        Optional<StorableInput.Finding> finding = input.check(value);
        if (finding.isPresent()) {
            throw new UnstorableValueException(parser, type, finding.get());
        }
        return value;
    }

    static final class Checked extends DelegatingDeserializer {

        private final StorableInput input;

        Checked(ValueDeserializer<?> delegate, StorableInput input) {
            super(delegate);
            this.input = input;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, input);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return verified(super.deserialize(parser, context), input, parser, context, null);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws JacksonException {
            return verified(super.deserialize(parser, context, intoValue), input, parser, context, null);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
                throws JacksonException {
            return verified(super.deserializeWithType(parser, context, types), input, parser, context, null);
        }
    }

    static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;
        private final StorableInput input;

        CheckedKey(KeyDeserializer delegate, StorableInput input) {
            this.delegate = delegate;
            this.input = input;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (input.check(key).isPresent()) {
                throw new UnstorableValueException(context.getParser(), null,
                        new StorableInput.Finding("", StorableInput.Violation.UNSTORABLE_CHARACTER));
            }
            return delegate == null ? key : delegate.deserializeKey(key, context);
        }
    }
}
