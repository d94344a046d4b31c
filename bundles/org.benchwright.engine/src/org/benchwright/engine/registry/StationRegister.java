/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.registry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.model.Capability;
import org.benchwright.model.EquipmentModel;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.Procedure;
import org.benchwright.model.WorkInstruction;

/**
 * The plant's stations and the equipment on each: kind (an equipment kind of the library), model, serial,
 * capabilities and calibration due date. Kept as a properties file, one key per fact:
 * <pre>
 * bench-3.equipment = ir, scope
 * bench-3.ir.kind = focused-ir
 * bench-3.ir.model = PDR IR-E3
 * bench-3.ir.serial = E3-10442
 * bench-3.ir.capabilities = focused-ir, top-heater, bottom-preheater, profile-control, thermocouples
 * bench-3.ir.calibration-due = 2027-03-01
 * bench-3.public-keys = ed25519:MCowBQYDK2VwAyEA...
 * </pre>
 * A station's {@code public-keys} are the keys its bench signs its records with ({@code benchwright keys} prints the
 * bench's); a rotated key stays listed after the new one, so that the records it signed still verify.
 * A station may run a procedure when, for every piece of equipment the procedure requires, it has one of that kind
 * with the capabilities asked for, calibrated on the day.
 */
public final class StationRegister {

    /** One piece of equipment on a station. */
    public record Equipment(String station, String name, String kind, String model, String serial,
            Set<Capability> capabilities, LocalDate calibrationDue) {
    }

    /** Where the register is, for messages: its file, or the plant store. */
    private final String source;
    private final Map<String, List<Equipment>> stations = new LinkedHashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private final KeyRing ring;

    /**
     * A register as a database holds it: every piece of equipment of every station.
     *
     * @param source where it comes from, as refusals name it
     */
    public StationRegister(String source, List<Equipment> equipment) {
        this(source, equipment, Map.of());
    }

    /**
     * A register as a database holds it: every piece of equipment of every station, and the public keys of the
     * benches, each as {@code ed25519:<Base64>}.
     *
     * @throws IllegalArgumentException naming the station whose key is not an Ed25519 public key
     */
    public StationRegister(String source, List<Equipment> equipment, Map<String, List<String>> publicKeys) {
        this.source = source;
        publicKeys.forEach((station, list) -> keys.put(station, List.copyOf(list)));
        this.ring = KeyRing.of(keys);
        Map<String, List<Equipment>> byStation = new java.util.TreeMap<>();
        for (Equipment e : equipment) {
            byStation.computeIfAbsent(e.station(), k -> new ArrayList<>()).add(e);
        }
        byStation.forEach((id, list) -> stations.put(id, List.copyOf(list)));
    }

    /**
     * @throws IOException naming the file and the key when a fact is missing or malformed
     */
    public StationRegister(Path file) throws IOException {
        this.source = file.toString();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Set<String> ids = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".equipment")) {
                ids.add(key.substring(0, key.length() - ".equipment".length()));
            }
        }
        for (String id : ids) {
            List<Equipment> equipment = new ArrayList<>();
            for (String name : p.getProperty(id + ".equipment").split("\\s*,\\s*")) {
                String prefix = id + "." + name + ".";
                String kind = required(p, prefix + "kind");
                Set<Capability> capabilities = new LinkedHashSet<>();
                for (String c : p.getProperty(prefix + "capabilities", "").split("\\s*,\\s*")) {
                    if (!c.isBlank()) {
                        Capability cap = Capability.get(c.strip());
                        if (cap == null) {
                            throw new IOException(source + ": " + prefix + "capabilities: unknown capability '" + c
                                    + "'");
                        }
                        capabilities.add(cap);
                    }
                }
                LocalDate due;
                try {
                    due = LocalDate.parse(required(p, prefix + "calibration-due"));
                } catch (DateTimeParseException e) {
                    throw new IOException(source + ": " + prefix + "calibration-due takes a day as yyyy-mm-dd, not '"
                            + p.getProperty(prefix + "calibration-due") + "'", e);
                }
                equipment.add(new Equipment(id, name, kind, p.getProperty(prefix + "model", ""),
                        p.getProperty(prefix + "serial", ""), capabilities, due));
            }
            stations.put(id, List.copyOf(equipment));
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.endsWith(".public-keys")) {
                keys.put(key.substring(0, key.length() - ".public-keys".length()),
                        List.of(p.getProperty(key).strip().split("\\s*,\\s*")));
            }
        }
        try {
            this.ring = KeyRing.of(keys);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** The public keys of {@code station}'s bench, newest first as the register lists them; empty when none. */
    public List<String> publicKeys(String station) {
        return keys.getOrDefault(station, List.of());
    }

    /** The public keys of every station that has any, as the register lists them. */
    public Map<String, List<String>> publicKeys() {
        return Map.copyOf(keys);
    }

    /** Every bench's public keys, to check records' signatures with. */
    public KeyRing keyRing() {
        return ring;
    }

    private String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(source + ": " + key + " is missing");
        }
        return value.strip();
    }

    /** Where the register is: its file, or the plant store. */
    public String source() {
        return source;
    }

    public List<String> stations() {
        return List.copyOf(stations.keySet());
    }

    public List<Equipment> equipment(String station) {
        return stations.getOrDefault(station, List.of());
    }

    /** Why {@code station} may not run {@code procedure} on {@code today}; empty when it may. */
    public List<Refusal> check(String station, Procedure procedure, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        if (!stations.containsKey(station)) {
            refusals.add(new Refusal("STATION", "no station '" + station + "' in " + source + " (it has "
                    + String.join(", ", stations.keySet()) + ")"));
            return refusals;
        }
        WorkInstruction instruction = procedure.getInstruction();
        if (instruction != null && !instruction.getStations().isEmpty() && !instruction.getStations().contains(station)) {
            refusals.add(new Refusal("STATION", instruction.getName() + " runs only on " + String.join(", ",
                    instruction.getStations()) + ", not on " + station));
        }
        if (instruction != null) {
            for (EquipmentModel model : instruction.getEquipmentModels()) {
                String kind = model.getEquipment().getName();
                List<Equipment> ofKind = equipment(station).stream().filter(e -> e.kind().equals(kind)).toList();
                if (!ofKind.isEmpty() && ofKind.stream().noneMatch(e -> model.getModel().equals(e.model()))) {
                    refusals.add(new Refusal("EQUIPMENT", instruction.getName() + " requires " + kind + " model "
                            + model.getModel() + "; " + station + " has " + ofKind.stream().map(Equipment::model)
                                    .collect(Collectors.joining(", "))));
                }
            }
        }
        for (EquipmentRequirement need : procedure.getEquipment()) {
            String kind = need.getEquipment().getName();
            List<Equipment> ofKind = equipment(station).stream().filter(e -> e.kind().equals(kind)).toList();
            List<Equipment> able = ofKind.stream().filter(e -> e.capabilities().containsAll(need.getCapabilities()))
                    .toList();
            if (ofKind.isEmpty()) {
                refusals.add(new Refusal("EQUIPMENT", station + " has no " + kind + ", which " + procedure.getName()
                        + " needs"));
            } else if (able.isEmpty()) {
                refusals.add(new Refusal("EQUIPMENT", station + "'s " + kind + " lacks " + need.getCapabilities().stream()
                        .filter(c -> ofKind.stream().noneMatch(e -> e.capabilities().contains(c)))
                        .map(Capability::getLiteral).collect(Collectors.joining(", ")) + ", which " + procedure.getName()
                        + " needs"));
            } else if (able.stream().allMatch(e -> e.calibrationDue().isBefore(today))) {
                Equipment e = able.get(0);
                refusals.add(new Refusal("CALIBRATION", station + "'s " + kind + " (" + e.model() + ", serial "
                        + e.serial() + ") was due for calibration on " + e.calibrationDue()));
            }
        }
        return refusals;
    }
}
