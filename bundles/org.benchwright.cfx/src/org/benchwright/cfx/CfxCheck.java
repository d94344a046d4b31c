/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Checks CFX messages against the names of the CFX SDK (its message and structure classes, their properties and
 * types, and its enumerations, kept in {@code cfx-names.txt} beside this class): every property name known and
 * spelled as the SDK spells it, enumerations by name, GUIDs and time stamps in their formats, {@code $type} where
 * the SDK writes one, and the envelope's members. What a plant's integrator runs on a message before blaming the
 * MES, and what the tests run on every message a job sends.
 */
public final class CfxCheck {

    /** One property of a message or structure: its type, and whether it may be null. */
    private record Property(String type, boolean nullable) {
    }

    private record Struct(String name, String base, Map<String, Property> properties) {
    }

    private static final Pattern GUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESPAN = Pattern.compile("-?(\\d+\\.)?\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
    private static final Set<String> VALUE_TYPES = Set.of("int", "double", "bool", "guid", "datetime");

    private final Map<String, Struct> structs = new LinkedHashMap<>();
    private final Map<String, Struct> messages = new LinkedHashMap<>();
    private final Map<String, Set<String>> enums = new LinkedHashMap<>();

    private static CfxCheck sdk;

    /** The check of the SDK's names as this bundle knows them. */
    public static synchronized CfxCheck sdk() {
        if (sdk == null) {
            try (InputStream in = CfxCheck.class.getResourceAsStream("cfx-names.txt")) {
                sdk = new CfxCheck(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("cfx-names.txt is missing from the CFX bundle", e);
            }
        }
        return sdk;
    }

    CfxCheck(String table) {
        for (String raw : table.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String[] head = line.substring(0, colon).strip().split("\\s+");
            String rest = line.substring(colon + 1).strip();
            switch (head[0]) {
                case "enum" -> enums.put(head[1], new LinkedHashSet<>(List.of(rest.split("\\s+"))));
                case "struct", "message" -> {
                    Map<String, Property> properties = new LinkedHashMap<>();
                    if (!rest.isEmpty()) {
                        for (String p : rest.split(",")) {
                            String[] nameType = p.strip().split("\\s+");
                            String type = nameType[1];
                            boolean nullable = type.endsWith("?");
                            properties.put(nameType[0], new Property(nullable ? type.substring(0, type.length() - 1)
                                    : type, nullable || !VALUE_TYPES.contains(type)));
                        }
                    }
                    String base = head.length > 3 && "<".equals(head[2]) ? head[3] : null;
                    Struct struct = new Struct(head[1], base, properties);
                    ("message".equals(head[0]) ? messages : structs).put(head[1], struct);
                }
                default -> throw new IllegalArgumentException("cfx-names.txt: cannot read: " + line);
            }
        }
    }

    /** The messages this check knows, by full name. */
    public Set<String> messages() {
        return messages.keySet();
    }

    /**
     * The problems of one envelope's JSON, each naming where it is ({@code MessageBody.Operator.ActorType}); empty
     * when the message is as the SDK writes it.
     */
    public List<String> check(String json) {
        List<String> problems = new ArrayList<>();
        JsonObject envelope;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                return List.of("not a JSON object");
            }
            envelope = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Struct shape = structs.get("Envelope");
        for (String member : shape.properties().keySet()) {
            if (!envelope.has(member)) {
                problems.add(member + ": missing from the envelope");
            }
        }
        for (Map.Entry<String, JsonElement> member : envelope.entrySet()) {
            Property property = shape.properties().get(member.getKey());
            if (property == null) {
                problems.add(member.getKey() + ": not a member of a CFX envelope" + spelled(member.getKey(),
                        shape.properties().keySet()));
            } else if (!"object".equals(property.type())) {
                value(member.getKey(), member.getValue(), property, problems);
            }
        }
        JsonElement name = envelope.get("MessageName");
        JsonElement body = envelope.get("MessageBody");
        if (name == null || !name.isJsonPrimitive()) {
            return problems;
        }
        Struct message = messages.get(name.getAsString());
        if (message == null) {
            problems.add("MessageName: " + name.getAsString() + " is not a message this check knows"
                    + spelled(name.getAsString(), messages.keySet()));
            return problems;
        }
        if (body == null || !body.isJsonObject()) {
            problems.add("MessageBody: missing or not an object");
            return problems;
        }
        JsonObject members = body.getAsJsonObject();
        JsonElement type = members.get("$type");
        String expected = message.name() + ", CFX";
        if (type == null) {
            problems.add("MessageBody.$type: missing (the SDK writes \"" + expected + "\")");
        } else if (!expected.equals(type.getAsString())) {
            problems.add("MessageBody.$type: \"" + type.getAsString() + "\", not \"" + expected + "\"");
        }
        object("MessageBody", members, message, problems);
        return problems;
    }

    private void object(String path, JsonObject object, Struct struct, List<String> problems) {
        Map<String, Property> properties = all(struct);
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            if ("$type".equals(member.getKey())) {
                continue;
            }
            Property property = properties.get(member.getKey());
            String at = path + "." + member.getKey();
            if (property == null) {
                problems.add(at + ": " + struct.name() + " has no property " + member.getKey()
                        + spelled(member.getKey(), properties.keySet()));
                continue;
            }
            value(at, member.getValue(), property, problems);
        }
    }

    private Map<String, Property> all(Struct struct) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Struct s = struct; s != null; s = s.base() == null ? null : structs.get(s.base())) {
            properties.putAll(s.properties());
        }
        return properties;
    }

    private void value(String at, JsonElement value, Property property, List<String> problems) {
        if (value == null || value.isJsonNull()) {
            if (!property.nullable()) {
                problems.add(at + ": null, but the SDK's " + property.type() + " cannot be null");
            }
            return;
        }
        String type = property.type();
        if (type.startsWith("list:")) {
            if (!value.isJsonArray()) {
                problems.add(at + ": expected a list");
                return;
            }
            Property item = new Property(type.substring("list:".length()), true);
            int i = 0;
            for (JsonElement element : value.getAsJsonArray()) {
                value(at + "[" + i++ + "]", element, item, problems);
            }
            return;
        }
        if (type.startsWith("poly:")) {
            polymorphic(at, value, type.substring("poly:".length()), problems);
            return;
        }
        switch (type) {
            case "object" -> {
                // the SDK's structure is not checked in depth here
            }
            case "string" -> primitive(at, value, "a string", JsonPrimitive::isString, problems);
            case "int" -> primitive(at, value, "a whole number",
                    p -> p.isNumber() && p.getAsDouble() == Math.rint(p.getAsDouble()), problems);
            case "double" -> primitive(at, value, "a number", JsonPrimitive::isNumber, problems);
            case "bool" -> primitive(at, value, "true or false", JsonPrimitive::isBoolean, problems);
            case "guid" -> primitive(at, value, "a GUID", p -> p.isString() && GUID.matcher(p.getAsString()).matches(),
                    problems);
            case "datetime" -> primitive(at, value, "an ISO 8601 time with its offset", p -> p.isString()
                    && time(p.getAsString()), problems);
            case "timespan" -> primitive(at, value, "a time span (hh:mm:ss)", p -> p.isString()
                    && TIMESPAN.matcher(p.getAsString()).matches(), problems);
            default -> {
                Set<String> literals = enums.get(type);
                if (literals != null) {
                    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                            || !literals.contains(value.getAsString())) {
                        problems.add(at + ": " + value + " is not a name of " + type + " (" + String.join(" ", literals)
                                + ")");
                    }
                    return;
                }
                Struct struct = structs.get(type);
                if (struct == null) {
                    problems.add(at + ": cfx-names.txt knows no type " + type);
                } else if (!value.isJsonObject()) {
                    problems.add(at + ": expected a " + type + " object");
                } else {
                    object(at, value.getAsJsonObject(), struct, problems);
                }
            }
        }
    }

    private void polymorphic(String at, JsonElement value, String base, List<String> problems) {
        if (!value.isJsonObject()) {
            problems.add(at + ": expected a " + base + " object");
            return;
        }
        JsonObject object = value.getAsJsonObject();
        JsonElement type = object.get("$type");
        if (type == null) {
            if (structs.containsKey(base) && !all(structs.get(base)).isEmpty()) {
                object(at, object, structs.get(base), problems);
            } else {
                problems.add(at + ": a " + base + " needs its \"$type\" (\"<CFX class>, CFX\")");
            }
            return;
        }
        String name = type.getAsString();
        if (!name.endsWith(", CFX")) {
            problems.add(at + ".$type: \"" + name + "\" does not end with \", CFX\"");
            return;
        }
        Struct struct = structs.get(name.substring(0, name.length() - ", CFX".length()));
        if (struct == null) {
            return; // a CFX structure this check does not know: its members are not checked
        }
        boolean extendsBase = false;
        for (Struct s = struct; s != null; s = s.base() == null ? null : structs.get(s.base())) {
            extendsBase |= s.name().equals(base);
        }
        if (!extendsBase) {
            problems.add(at + ".$type: " + struct.name() + " is not a " + base);
        }
        object(at, object, struct, problems);
    }

    private static void primitive(String at, JsonElement value, String what,
            java.util.function.Predicate<JsonPrimitive> test, List<String> problems) {
        if (!value.isJsonPrimitive() || !test.test(value.getAsJsonPrimitive())) {
            problems.add(at + ": " + value + " is not " + what);
        }
    }

    private static boolean time(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** " (the SDK spells it LoginName)" when a known name differs only in case. */
    private static String spelled(String name, Set<String> known) {
        for (String k : known) {
            if (k.equalsIgnoreCase(name)) {
                return " (the SDK spells it " + k + ")";
            }
        }
        return "";
    }
}
