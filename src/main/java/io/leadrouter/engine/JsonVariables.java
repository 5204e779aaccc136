package io.leadrouter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Process variables that hold plain JSON data (lists and objects of text, numbers and booleans),
 * for what Tasklist's forms read as data: a Camunda Form's select whose options are "Input data"
 * ({@code valuesKey}) takes them from a variable that is a JSON list, and Tasklist reads a variable
 * as JSON only when its serialization format is {@code application/json} (or its type is Spin's
 * {@code Json}). Camunda's JSON support, Spin, would add a library that turns any Java object into
 * JSON and back; this serializer writes only values marked as JSON ({@link #json(Object)}: lists
 * and maps) and reads every stored value back as plain lists and maps, never as a Java class named
 * in the data, so a value posted through {@code /engine-rest} cannot make the engine build objects
 * of its choosing.
 */
@Component
public class JsonVariables extends AbstractProcessEnginePlugin {

    /** The serialization format Tasklist parses as JSON. */
    public static final String FORMAT = "application/json";

    /** A variable value holding the data (lists, maps, text, numbers, booleans) as JSON. */
    public static ObjectValue json(Object plainData) {
        if (!(plainData instanceof List || plainData instanceof Map)) {
            throw new IllegalArgumentException("A JSON variable holds a list or a map");
        }
        return Variables.objectValue(plainData).serializationDataFormat(FORMAT).create();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new JsonValueSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /** Writes marked lists and maps as JSON text; reads any stored JSON as plain lists and maps. */
    static final class JsonValueSerializer extends AbstractObjectValueSerializer {

        /** Stored with every such variable (ACT_RU_VARIABLE.TYPE_): never change it. */
        static final String NAME = "leadrouter-json";

        private static final ObjectMapper MAPPER = new ObjectMapper();

        JsonValueSerializer() {
            super(FORMAT);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected String getTypeNameForDeserialized(Object deserializedObject) {
            return deserializedObject instanceof List ? List.class.getName() : Map.class.getName();
        }

        @Override
        protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
            return MAPPER.writeValueAsBytes(deserializedObject);
        }

        /** Whatever type name the stored value claims: plain lists, maps and values only. */
        @Override
        protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
            return MAPPER.readValue(object, Object.class);
        }

        @Override
        protected boolean isSerializationTextBased() {
            return true;
        }

        @Override
        protected boolean canSerializeValue(Object value) {
            return value instanceof List || value instanceof Map;
        }

        /** Only values marked as JSON: a list set without a format stays the engine's default's to refuse. */
        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value instanceof SerializableValue serializable
                    && FORMAT.equals(serializable.getSerializationDataFormat()) && super.canWriteValue(value);
        }
    }
}
