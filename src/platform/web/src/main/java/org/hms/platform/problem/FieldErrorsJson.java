package org.hms.platform.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a JSON body to its end even when values have the wrong type or format (a date
 * "2999-99-99", an unknown enum value, a number where an object goes), noting each such field
 * by its JSON path, then fails once with all of them ({@link InvalidFieldsException}, which the
 * problem mappers merge with the body's Bean Validation violations into one 400).
 *
 * <p>Collection happens only inside an object being read (a request body, an event, a cached
 * value): when the outermost object is done and something was noted, reading fails. Scalars are
 * not coerced into strings (123 or true is not a string), so what the OpenAPI schema calls invalid
 * the server refuses.
 */
@Singleton
public class FieldErrorsJson implements ObjectMapperCustomizer {

    private static final String COLLECTED = FieldErrorsJson.class.getName() + ".collected";

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Applies the collection and the strict scalar types to {@code mapper} (also for tests). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.addHandler(new Collector());
        mapper.registerModule(new SimpleModule("hms-field-errors")
                .setDeserializerModifier(new Outermost())
                .addDeserializer(String.class, new StrictString()));
        // "" or "  " is not a date, an id or one of an enum's values (Jackson would read null)
        for (LogicalType type : List.of(LogicalType.DateTime, LogicalType.OtherScalar, LogicalType.Enum)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /** The fields noted while reading one value, and how deep in objects the reader is. */
    private static final class Collected {
        final List<FieldError> errors = new ArrayList<>();
        int depth;
    }

    private static Collected collected(DeserializationContext ctxt) {
        return (Collected) ctxt.getAttribute(COLLECTED);
    }

    /** Wraps every object reader: the outermost one fails with everything noted inside it. */
    private static final class Outermost extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Collecting(deserializer);
        }
    }

    private static final class Collecting extends DelegatingDeserializer {

        Collecting(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Collecting(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Collected collected = collected(ctxt);
            if (collected == null) {
                collected = new Collected();
                ctxt.setAttribute(COLLECTED, collected);
            }
            boolean outermost = ++collected.depth == 1;
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } catch (JsonMappingException e) {
                boolean mismatch = e instanceof MismatchedInputException;
                if (!outermost || (!mismatch && collected.errors.isEmpty())) {
                    throw e;
                }
                if (mismatch) {
                    // a refusal Jackson does not route through the handler (a coercion it forbids)
                    collected.errors.add(new FieldError(path(e), message(((MismatchedInputException) e).getTargetType())));
                }
                // else: the object could not be built from the nulls left for the fields noted
                value = null;
            } finally {
                collected.depth--;
            }
            if (outermost && !collected.errors.isEmpty()) {
                List<FieldError> errors = List.copyOf(collected.errors);
                collected.errors.clear();
                throw new InvalidFieldsException(p, errors, value);
            }
            return value;
        }
    }

    /** A string is a JSON string: 123, true or an object is not one (Jackson would coerce scalars). */
    private static final class StrictString extends StdScalarDeserializer<String> {

        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return p.getText();
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Notes a value of the wrong type or format and carries on with null (or 0 / false). */
    private static final class Collector extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> target, String value, String failure) {
            return note(ctxt, ctxt.getParser(), target);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> target, Number value, String failure) {
            return note(ctxt, ctxt.getParser(), target);
        }

        @Override
        public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType target, Object value, JsonParser p) {
            return note(ctxt, p, target.getRawClass());
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType target, JsonToken token,
                JsonParser p, String failure) throws IOException {
            if (!collecting(ctxt)) {
                return NOT_HANDLED;
            }
            String field = path(p);
            p.skipChildren();
            return noted(ctxt, field, target.getRawClass());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> type,
                ValueInstantiator instantiator, JsonParser p, String failure) throws IOException {
            if (!collecting(ctxt)) {
                return NOT_HANDLED;
            }
            String field = path(p);
            p.skipChildren();
            return noted(ctxt, field, type);
        }

        private static Object note(DeserializationContext ctxt, JsonParser p, Class<?> target) {
            return collecting(ctxt) ? noted(ctxt, path(p), target) : NOT_HANDLED;
        }

        private static boolean collecting(DeserializationContext ctxt) {
            Collected collected = collected(ctxt);
            return collected != null && collected.depth > 0;
        }

        private static Object noted(DeserializationContext ctxt, String field, Class<?> target) {
            collected(ctxt).errors.add(new FieldError(field, message(target)));
            return placeholder(target);
        }
    }

    /** What a primitive field holds when its value was unusable (a wrapper, so Jackson accepts it). */
    private static Object placeholder(Class<?> target) {
        if (target == boolean.class) {
            return Boolean.FALSE;
        }
        if (target == char.class) {
            return '\0';
        }
        if (target.isPrimitive()) {
            return Map.<Class<?>, Object>of(int.class, 0, long.class, 0L, double.class, 0.0d, float.class, 0.0f,
                    short.class, (short) 0, byte.class, (byte) 0).get(target);
        }
        return null;
    }

    /** "name.family", "identifiers[0].value": where the parser is, as the client wrote it. */
    static String path(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        JsonToken token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return joined(parts);
    }

    private static String path(JsonMappingException e) {
        Deque<String> parts = new ArrayDeque<>();
        e.getPath().reversed().forEach(ref -> parts.push(
                ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return joined(parts);
    }

    private static String joined(Deque<String> parts) {
        StringBuilder field = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && field.length() > 0) {
                field.append('.');
            }
            field.append(part);
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** Why a value did not fit {@code target}, in the words of the OpenAPI schema. */
    static String message(Class<?> target) {
        if (target == null) {
            return "has a value of the wrong type or format";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(FieldErrorsJson::jsonName)
                    .collect(Collectors.joining(", "));
        }
        if (target == LocalDate.class) {
            return "must be a date such as 1984-03-07";
        }
        if (target == LocalTime.class) {
            return "must be a time such as 09:30:00";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be a date-time with offset such as 2026-01-31T09:30:00Z";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == int.class || target == long.class || target == short.class || target == Integer.class
                || target == Long.class || target == Short.class) {
            return "must be an integer";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String jsonName(Object constant) {
        for (Method method : constant.getClass().getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return ((Enum<?>) constant).name();
    }
}
