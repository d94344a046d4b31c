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

/** The stable codes of the rules; quick fixes and suppressions key on them. */
public final class RuleCodes {

    public static final String PEAK_LIQUIDUS = "BW-PEAK-LIQUIDUS";
    public static final String PEAK_MARGIN = "BW-PEAK-MARGIN";
    public static final String PEAK_LEAD_FREE_BGA = "BW-PEAK-LF-BGA";
    public static final String RAMP_UP = "BW-RAMP-UP";
    public static final String RAMP_DOWN = "BW-RAMP-DOWN";
    public static final String TAL_MAX = "BW-TAL-MAX";
    public static final String TAL_MIN = "BW-TAL-MIN";
    public static final String NEAR_PEAK = "BW-NEAR-PEAK";
    public static final String TIME_TO_PEAK = "BW-TIME-TO-PEAK";
    public static final String PREHEAT = "BW-PREHEAT";
    public static final String PEAK_TC = "BW-PEAK-TC";
    public static final String TIP_TEMPERATURE = "BW-TIP-TEMP";
    public static final String ALLOY_MIX = "BW-ALLOY-MIX";
    public static final String FLUX_ALLOY = "BW-FLUX-ALLOY";
    public static final String CLASS3_CONFORMANCE = "BW-CLASS3-CONFORMANCE";
    public static final String SKILL_AREA_ARRAY = "BW-SKILL-AREA-ARRAY";
    public static final String REPAIR_APPROVAL = "BW-REPAIR-APPROVAL";
    public static final String MODIFICATION_ECO = "BW-MOD-ECO";
    public static final String COATING_SOLVENT = "BW-COATING-SOLVENT";
    public static final String COATING_METHOD = "BW-COATING-METHOD";
    public static final String HEAT_EQUIPMENT = "BW-HEAT-EQUIPMENT";
    public static final String EQUIPMENT_RANGE = "BW-EQUIPMENT-RANGE";
    public static final String FOCUSED_IR_PREHEATER = "BW-FOCUSED-IR-PREHEAT";
    public static final String CURE_SCHEDULE = "BW-CURE-SCHEDULE";
    public static final String BAKE_TEMPERATURE = "BW-BAKE-TEMP";
    public static final String BAKE_MSL = "BW-BAKE-MSL";
    public static final String MSL_CHECK = "BW-MSL-CHECK";
    public static final String FINAL_INSPECTION = "BW-FINAL-INSPECTION";
    public static final String DUPLICATE_NAME = "BW-DUPLICATE-NAME";
    public static final String REVISION_MAPPING = "BW-REVISION-MAPPING";
    public static final String SEGMENT_ORDER = "BW-SEGMENT-ORDER";
    public static final String WI_BASE_REVISION = "BW-WI-BASE-REVISION";
    public static final String WI_ANCHOR = "BW-WI-ANCHOR";
    public static final String WI_LOOSENS = "BW-WI-LOOSENS";
    public static final String WI_PROFILE = "BW-WI-PROFILE";
    public static final String WI_STANDARD = "BW-WI-STANDARD";
    public static final String WI_DEVIATED = "BW-WI-DEVIATED";
    public static final String WI_DEVIATION = "BW-WI-DEVIATION";
    public static final String WI_EQUIPMENT = "BW-WI-EQUIPMENT";
    public static final String WI_MATERIAL = "BW-WI-MATERIAL";

    private RuleCodes() {
    }
}
