/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The figures the rules judge against, each with its source. Every figure can be changed in a properties file
 * ({@code rules.properties}, same keys); those the sources leave unverified must be, where a contract or a newer
 * revision of the standard says otherwise.
 */
public final class RuleSettings {

    /** A limit, its default and where the default comes from. */
    public record Limit(String key, double defaultValue, String unit, String source, boolean verified) {
    }

    private static final Map<String, Limit> LIMITS = new LinkedHashMap<>();

    public static final Limit PEAK_MARGIN = limit("peak.margin", 15, "C",
            "IPC-7711/7721 overview: typical peaks 225-235 C (SnPb, liquidus 183 C), 240-250 C (SAC305, 217-220 C)", false);
    public static final Limit LEAD_FREE_AREA_ARRAY_PEAK = limit("leadFree.areaArray.peak.max", 245, "C",
            "IPC-7711/7721 overview, BGA rework: lead-free peak not above 245 C", true);
    public static final Limit RAMP_UP = limit("rampUp.max", 3, "C/s", "J-STD-020 Table 5-2", true);
    public static final Limit RAMP_DOWN = limit("rampDown.max", 6, "C/s", "J-STD-020 Table 5-2", true);
    public static final Limit TAL_MIN = limit("timeAboveLiquidus.min", 60, "s", "J-STD-020 Table 5-2", true);
    public static final Limit TAL_MAX = limit("timeAboveLiquidus.max", 150, "s", "J-STD-020 Table 5-2", true);
    public static final Limit NEAR_PEAK_SNPB = limit("nearPeak.max.snpb", 20, "s", "J-STD-020 Table 5-2", true);
    public static final Limit NEAR_PEAK_PBFREE = limit("nearPeak.max.pbfree", 30, "s", "J-STD-020 Table 5-2", true);
    public static final Limit TO_PEAK_SNPB = limit("toPeak.max.snpb", 360, "s", "J-STD-020 Table 5-2", true);
    public static final Limit TO_PEAK_PBFREE = limit("toPeak.max.pbfree", 480, "s", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_MIN_SNPB = limit("preheat.min.snpb", 100, "C", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_MAX_SNPB = limit("preheat.max.snpb", 150, "C", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_MIN_PBFREE = limit("preheat.min.pbfree", 150, "C", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_MAX_PBFREE = limit("preheat.max.pbfree", 200, "C", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_TIME_MIN = limit("preheat.time.min", 60, "s", "J-STD-020 Table 5-2", true);
    public static final Limit PREHEAT_TIME_MAX = limit("preheat.time.max", 120, "s", "J-STD-020 Table 5-2", true);
    public static final Limit TC_SNPB_THIN_SMALL = limit("tc.snpb.thin.small", 235, "C",
            "J-STD-020 Table 4-1, thickness < 2.5 mm, volume < 350 mm3", false);
    public static final Limit TC_SNPB_THIN_LARGE = limit("tc.snpb.thin.large", 220, "C",
            "J-STD-020 Table 4-1, thickness < 2.5 mm, volume >= 350 mm3", false);
    public static final Limit TC_SNPB_THICK = limit("tc.snpb.thick", 220, "C",
            "J-STD-020 Table 4-1, thickness >= 2.5 mm", false);
    public static final Limit TIP_MIN_SNPB = limit("tip.min.snpb", 315, "C", "IPC-7711/7721 overview, tip temperature", true);
    public static final Limit TIP_MAX_SNPB = limit("tip.max.snpb", 345, "C", "IPC-7711/7721 overview, tip temperature", true);
    public static final Limit TIP_MIN_PBFREE = limit("tip.min.pbfree", 345, "C", "IPC-7711/7721 overview, tip temperature", true);
    public static final Limit TIP_MAX_PBFREE = limit("tip.max.pbfree", 400, "C", "IPC-7711/7721 overview, tip temperature", true);
    public static final Limit BAKE_MAX = limit("bake.temperature.max", 125, "C", "J-STD-033 bake tables", false);

    private final Map<String, Double> values;

    private RuleSettings(Map<String, Double> values) {
        this.values = values;
    }

    /** The figures of the sources, unchanged. */
    public static RuleSettings defaults() {
        return new RuleSettings(Map.of());
    }

    /**
     * Settings with the figures a properties file gives.
     *
     * @throws IllegalArgumentException naming an unknown key or a value that is not a number
     */
    public static RuleSettings of(Properties properties) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!LIMITS.containsKey(key)) {
                throw new IllegalArgumentException("unknown rule setting '" + key + "'; known: " + LIMITS.keySet());
            }
            try {
                values.put(key, Double.valueOf(properties.getProperty(key).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule setting '" + key + "' must be a number, not '"
                        + properties.getProperty(key) + "'");
            }
        }
        return new RuleSettings(values);
    }

    public double get(Limit limit) {
        return values.getOrDefault(limit.key(), limit.defaultValue());
    }

    /** The source to cite with a limit; says "configured" when the figure was changed from the source's. */
    public String source(Limit limit) {
        return values.containsKey(limit.key()) ? "configured " + limit.key() : limit.source();
    }

    public static Map<String, Limit> limits() {
        return Collections.unmodifiableMap(LIMITS);
    }

    private static Limit limit(String key, double value, String unit, String source, boolean verified) {
        Limit limit = new Limit(key, value, unit, source, verified);
        LIMITS.put(key, limit);
        return limit;
    }
}
