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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.message.Message;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One IPC-CFX message in its envelope, as the CFX SDK writes it: {@code MessageName}, {@code Version} "2.1",
 * {@code TimeStamp} with the bench's offset, a stable {@code UniqueID}, {@code Source} (the bench's CFX handle),
 * {@code Target}, {@code RequestID}, and the {@code MessageBody} whose first member is its {@code $type}. On the wire
 * (see {@link #toAmqp}) an AMQP message whose Data section holds the envelope's UTF-8 JSON, with the SDK's
 * properties and application properties.
 */
public record CfxEnvelope(String messageName, UUID uniqueId, OffsetDateTime timeStamp, String source, String target,
        String requestId, JsonObject body) {

    /** The CFX version of the messages a bench writes. */
    public static final String VERSION = "2.1";

    /** What {@code content-type} the SDK gives a message. */
    public static final String CONTENT_TYPE = "application/json; charset=\"utf-8\"";

    /** Time stamps as .NET writes a local {@code DateTime}: seven decimals and the offset. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
            .create();

    /**
     * A message named {@code messageName} (a CFX class's full name) with the given body members; the body gets its
     * {@code $type} first.
     */
    public static CfxEnvelope of(String messageName, UUID uniqueId, Instant time, String source, JsonObject members) {
        return new CfxEnvelope(messageName, uniqueId, local(time), source, null, null, typed(messageName, members));
    }

    /** The same message addressed as an answer: to {@code target}, carrying the request's {@code requestId}. */
    public CfxEnvelope answering(String target, String requestId) {
        return new CfxEnvelope(messageName, uniqueId, timeStamp, source, target, requestId, body);
    }

    /** {@code members} behind a {@code "$type": "<type>, CFX"} member, as the SDK marks a polymorphic object. */
    public static JsonObject typed(String type, JsonObject members) {
        JsonObject typed = new JsonObject();
        typed.addProperty("$type", type + ", CFX");
        members.entrySet().forEach(e -> typed.add(e.getKey(), e.getValue()));
        return typed;
    }

    /** A time on the bench's clock, with its offset. */
    public static OffsetDateTime local(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneId.systemDefault());
    }

    /** The namespace of the message's class, the SDK's {@code cfx-topic}: {@code CFX.Production.Assembly}. */
    public String topic() {
        int dot = messageName.lastIndexOf('.');
        return dot < 0 ? messageName : messageName.substring(0, dot);
    }

    /** The envelope as JSON, members in the SDK's order, nulls written. */
    public JsonObject toJsonObject() {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("MessageName", messageName);
        envelope.addProperty("Version", VERSION);
        envelope.addProperty("TimeStamp", TIME.format(timeStamp));
        envelope.addProperty("UniqueID", uniqueId.toString());
        envelope.add("Source", text(source));
        envelope.add("Target", text(target));
        envelope.add("RequestID", text(requestId));
        envelope.add("MessageBody", body);
        return envelope;
    }

    /** The envelope's JSON on one line, or indented. */
    public String toJson(boolean pretty) {
        return (pretty ? PRETTY : COMPACT).toJson(toJsonObject());
    }

    /** Any JSON, indented as {@link #toJson(boolean)} indents an envelope. */
    public static String pretty(JsonElement json) {
        return PRETTY.toJson(json);
    }

    private static JsonElement text(String value) {
        return value == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(value);
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static CfxEnvelope fromJson(String json) {
        JsonObject envelope;
        try {
            envelope = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        try {
            return new CfxEnvelope(string(envelope, "MessageName"), UUID.fromString(string(envelope, "UniqueID")),
                    OffsetDateTime.parse(string(envelope, "TimeStamp")), optional(envelope, "Source"),
                    optional(envelope, "Target"), optional(envelope, "RequestID"),
                    envelope.get("MessageBody").getAsJsonObject());
        } catch (DateTimeParseException | NullPointerException | IllegalStateException e) {
            throw new IllegalArgumentException("not a CFX envelope: " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("not a CFX envelope: no " + name);
        }
        return e.getAsString();
    }

    private static String optional(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /**
     * The AMQP message the SDK would send: the JSON in a Data section; message-id the UniqueID, to the Target,
     * reply-to the Source, correlation-id the RequestID, the SDK's content type, creation time the TimeStamp,
     * subject {@code <Source>.<MessageName>}, durable; application properties {@code cfx-topic},
     * {@code cfx-message}, {@code cfx-handle}, {@code cfx-target}.
     */
    public Message toAmqp() {
        Message message = Proton.message();
        message.setDurable(true);
        message.setMessageId(uniqueId.toString());
        if (target != null) {
            message.setAddress(target);
        }
        if (source != null) {
            message.setReplyTo(source);
        }
        if (requestId != null) {
            message.setCorrelationId(requestId);
        }
        message.setContentType(CONTENT_TYPE);
        message.setCreationTime(timeStamp.toInstant().toEpochMilli());
        message.setSubject(source + "." + messageName);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cfx-topic", topic());
        properties.put("cfx-message", messageName);
        properties.put("cfx-handle", source);
        properties.put("cfx-target", target);
        message.setApplicationProperties(new ApplicationProperties(properties));
        message.setBody(new Data(new Binary(toJson(false).getBytes(StandardCharsets.UTF_8))));
        return message;
    }

    /**
     * The envelope an AMQP message carries (a Data section of UTF-8 JSON, gzip-compressed when its content-encoding
     * says so).
     *
     * @throws IllegalArgumentException when it carries none
     */
    public static CfxEnvelope fromAmqp(Message message) {
        return fromJson(bodyText(message));
    }

    /** The text of an AMQP message's body, as a CFX listener reads it. */
    public static String bodyText(Message message) {
        Section body = message.getBody();
        byte[] bytes;
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            bytes = java.util.Arrays.copyOfRange(binary.getArray(), binary.getArrayOffset(),
                    binary.getArrayOffset() + binary.getLength());
        } else if (body instanceof org.apache.qpid.proton.amqp.messaging.AmqpValue value
                && value.getValue() instanceof String text) {
            return text;
        } else {
            throw new IllegalArgumentException("the message has no Data section (" + (body == null ? "no body"
                    : body.getClass().getSimpleName()) + ")");
        }
        if ("gzip".equalsIgnoreCase(message.getContentEncoding())) {
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the message says gzip but is not: " + e.getMessage(), e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A stable UniqueID: the same job, entry and message give the same identifier every time they are made. */
    public static UUID stableId(String... parts) {
        return UUID.nameUUIDFromBytes(("benchwright-cfx/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
    }
}
