/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules.internal;

import static org.benchwright.model.BenchwrightPackage.Literals.HEAT_STEP__EQUIPMENT;
import static org.benchwright.model.BenchwrightPackage.Literals.HEAT_STEP__PROFILE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__EQUIPMENT;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.internal.ProcedureParts.AREA_ARRAY;
import static org.benchwright.rules.internal.ProcedureParts.procedureOf;
import static org.benchwright.rules.internal.ProcedureParts.resolved;
import static org.benchwright.rules.internal.ProcedureParts.steps;
import static org.benchwright.rules.internal.ProfileRules.fmt;

import java.util.List;
import java.util.stream.Stream;

import org.benchwright.model.Capability;
import org.benchwright.model.Component;
import org.benchwright.model.EquipmentCategory;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.HeatStep;
import org.benchwright.model.HeaterZone;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneRole;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.rules.Classification;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.benchwright.rules.RuleSettings;

/** Rules on heat steps: the peak the parts allow, and equipment that is declared and can run the profile. */
final class HeatStepRules {

    private HeatStepRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.PEAK_LEAD_FREE_BGA, ERROR, "lead-free BGA/CSP rework peaks at 245 C at most",
                        HeatStep.class, HeatStepRules::leadFreeAreaArrayPeak),
                new Rule<>(RuleCodes.PEAK_TC, ERROR, "the peak stays at or below the parts' J-STD-020 classification "
                        + "temperature", HeatStep.class, HeatStepRules::classificationTemperature),
                new Rule<>(RuleCodes.HEAT_EQUIPMENT, ERROR, "heat steps use equipment the procedure declares",
                        HeatStep.class, HeatStepRules::declaredEquipment),
                new Rule<>(RuleCodes.EQUIPMENT_RANGE, ERROR, "the equipment can reach the profile",
                        HeatStep.class, HeatStepRules::equipmentRange),
                new Rule<>(RuleCodes.FOCUSED_IR_PREHEATER, ERROR, "focused-IR BGA work declares a bottom preheater",
                        HeatStep.class, HeatStepRules::focusedIrPreheater));
    }

    private static boolean areaArray(Procedure procedure, HeatStep step) {
        return procedure != null && procedure.getComponentFamilies().stream().anyMatch(AREA_ARRAY::contains)
                || resolved(step.getComponent()) && AREA_ARRAY.contains(step.getComponent().getFamily());
    }

    private static void leadFreeAreaArrayPeak(HeatStep step, RuleContext ctx) {
        ThermalProfile profile = step.getProfile();
        // a reflow of the part; an iron's tip temperature on the pads is another matter
        if (!resolved(profile) || Profiles.peak(profile) == null || !Profiles.leadFree(profile)
                || !areaArray(procedureOf(step), step)) {
            return;
        }
        double max = ctx.settings().get(RuleSettings.LEAD_FREE_AREA_ARRAY_PEAK);
        Temperature peak = Profiles.peakMax(profile);
        if (peak != null && peak.celsius() > max) {
            ctx.report(step, HEAT_STEP__PROFILE, "peak " + peak + " of profile " + profile.getName() + " exceeds "
                    + fmt(max) + " °C for lead-free BGA rework (" + ctx.settings().source(RuleSettings.LEAD_FREE_AREA_ARRAY_PEAK) + ")");
        }
    }

    private static void classificationTemperature(HeatStep step, RuleContext ctx) {
        ThermalProfile profile = step.getProfile();
        Procedure procedure = procedureOf(step);
        if (!resolved(profile) || Profiles.peak(profile) == null || !Profiles.alloyKnown(profile)) {
            return; // J-STD-020 classifies packages for reflow, not for a soldering iron on their leads
        }
        Temperature peak = Profiles.peakMax(profile);
        Stream<Component> parts = resolved(step.getComponent()) ? Stream.of(step.getComponent())
                : procedure == null ? Stream.empty() : procedure.getComponents().stream().filter(ProcedureParts::resolved);
        boolean leadFree = Profiles.leadFree(profile);
        parts.forEach(part -> {
            double tc = Classification.temperature(part, leadFree, ctx.settings());
            if (peak != null && !Double.isNaN(tc) && peak.celsius() > tc) {
                ctx.report(step, HEAT_STEP__PROFILE, "J-STD-020 Table " + (leadFree ? "4-2" : "4-1") + ": peak " + peak
                        + " of profile " + profile.getName() + " exceeds the classification temperature " + fmt(tc)
                        + " °C of " + part.getName() + " (" + part.getThickness() + ", " + part.getVolume() + ")");
            }
        });
    }

    private static void declaredEquipment(HeatStep step, RuleContext ctx) {
        Procedure procedure = procedureOf(step);
        EquipmentKind equipment = step.getEquipment();
        if (procedure == null || !resolved(equipment)) {
            return;
        }
        boolean declared = procedure.getEquipment().stream().anyMatch(r -> r.getEquipment() == equipment);
        if (!declared) {
            ctx.report(step, HEAT_STEP__EQUIPMENT, "uses " + equipment.getName() + ", which procedure "
                    + procedure.getName() + " does not declare in its equipment");
        }
    }

    private static void equipmentRange(HeatStep step, RuleContext ctx) {
        EquipmentKind equipment = step.getEquipment();
        ThermalProfile profile = step.getProfile();
        if (!resolved(equipment) || !resolved(profile) || equipment.getZones().isEmpty()) {
            return;
        }
        HeaterZone main = equipment.getZones().stream().filter(z -> z.getRole() != ZoneRole.BOTTOM).findFirst()
                .orElse(null);
        Temperature peak = Profiles.peakMax(profile);
        if (main != null && peak != null && main.getRange() != null && peak.isAbove(main.getRange().getMax())) {
            ctx.report(step, HEAT_STEP__EQUIPMENT, equipment.getName() + " reaches " + main.getRange().getMax()
                    + " on its " + main.getRole().getLiteral() + " zone, below the peak " + peak + " of " + profile.getName());
        }
        for (ProfileSegment segment : profile.getSegments()) {
            if (main != null && main.getMaxRamp() != null && segment instanceof RampSegment ramp
                    && ramp.getRate() != null && ramp.getRate().compareTo(main.getMaxRamp()) > 0) {
                ctx.report(step, HEAT_STEP__EQUIPMENT, equipment.getName() + " ramps at most " + main.getMaxRamp()
                        + "; profile " + profile.getName() + " ramps at " + ramp.getRate());
            }
        }
        for (ZoneSetpoint setpoint : profile.getSetpoints()) {
            HeaterZone zone = equipment.getZones().stream().filter(z -> z.getRole() == setpoint.getZone()).findFirst()
                    .orElse(null);
            if (zone == null) {
                ctx.report(step, HEAT_STEP__EQUIPMENT, equipment.getName() + " has no " + setpoint.getZone().getLiteral()
                        + " zone for the setpoint of profile " + profile.getName());
            } else if (setpoint.getTemperature().isAbove(zone.getRange().getMax())
                    || setpoint.getTemperature().isBelow(zone.getRange().getMin())) {
                ctx.report(step, HEAT_STEP__EQUIPMENT, "the " + zone.getRole().getLiteral() + " setpoint "
                        + setpoint.getTemperature() + " of " + profile.getName() + " is outside " + equipment.getName()
                        + "'s range " + zone.getRange().getMin() + " .. " + zone.getRange().getMax());
            }
        }
    }

    private static boolean providesBottomHeat(EquipmentRequirement r) {
        EquipmentKind e = r.getEquipment();
        return r.getCapabilities().contains(Capability.BOTTOM_PREHEATER)
                || resolved(e) && (e.getCategory() == EquipmentCategory.PREHEATER
                        || e.getCapabilities().contains(Capability.BOTTOM_PREHEATER));
    }

    private static void focusedIrPreheater(HeatStep step, RuleContext ctx) {
        Procedure procedure = procedureOf(step);
        EquipmentKind equipment = step.getEquipment();
        if (procedure == null || !resolved(equipment) || equipment.getCategory() != EquipmentCategory.FOCUSED_IR
                || !areaArray(procedure, step)) {
            return;
        }
        if (procedure.getEquipment().stream().noneMatch(HeatStepRules::providesBottomHeat)) {
            ctx.report(procedure, PROCEDURE__EQUIPMENT, "does focused-IR BGA work without a bottom preheater; "
                    + "IPC-7711 BGA procedures: focused IR with bottom-side preheater");
        }
    }
}
