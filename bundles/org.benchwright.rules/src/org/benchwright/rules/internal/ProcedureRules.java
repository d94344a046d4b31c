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

import static org.benchwright.model.BenchwrightPackage.Literals.BAKE_STEP__COMPONENT;
import static org.benchwright.model.BenchwrightPackage.Literals.BAKE_STEP__TEMPERATURE;
import static org.benchwright.model.BenchwrightPackage.Literals.CURE_STEP__TEMPERATURE;
import static org.benchwright.model.BenchwrightPackage.Literals.HEAT_STEP__EQUIPMENT;
import static org.benchwright.model.BenchwrightPackage.Literals.HEAT_STEP__PROFILE;
import static org.benchwright.model.BenchwrightPackage.Literals.NAMED_ELEMENT__NAME;
import static org.benchwright.model.BenchwrightPackage.Literals.OPERATION__NAME;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__ACTIVITY;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__CONFORMANCE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__EQUIPMENT;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__MATERIALS;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__OPERATIONS;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__SKILL;
import static org.benchwright.model.BenchwrightPackage.Literals.REMOVE_COATING_STEP__METHOD;
import static org.benchwright.model.BenchwrightPackage.Literals.STANDARD_REFERENCE__NUMBER;
import static org.benchwright.model.BenchwrightPackage.Literals.STEP__NAME;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.Severity.WARNING;
import static org.benchwright.rules.internal.ProfileRules.fmt;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benchwright.model.Activity;
import org.benchwright.model.Alloy;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.ApproveStep;
import org.benchwright.model.BakeStep;
import org.benchwright.model.Capability;
import org.benchwright.model.Coating;
import org.benchwright.model.CoatingType;
import org.benchwright.model.Component;
import org.benchwright.model.ComponentFamily;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.CureSchedule;
import org.benchwright.model.CureStep;
import org.benchwright.model.Epoxy;
import org.benchwright.model.EquipmentCategory;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.FloorLifeCheckStep;
import org.benchwright.model.Flux;
import org.benchwright.model.HeatStep;
import org.benchwright.model.HeaterZone;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Library;
import org.benchwright.model.Material;
import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.RemovalMethod;
import org.benchwright.model.RemoveCoatingStep;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.SolderPaste;
import org.benchwright.model.SolderWire;
import org.benchwright.model.StandardReference;
import org.benchwright.model.Step;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneRole;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.rules.Classification;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.benchwright.rules.RuleSettings;
import org.eclipse.emf.ecore.EObject;

/** Rules on procedures: who may do them, what they need, what their heat and coating steps may do. */
final class ProcedureRules {

    static final Set<ComponentFamily> AREA_ARRAY = EnumSet.of(ComponentFamily.BGA, ComponentFamily.CSP);
    static final Set<ComponentFamily> EXPERT_FAMILIES = EnumSet.of(ComponentFamily.BGA, ComponentFamily.CSP,
            ComponentFamily.QFN, ComponentFamily.LGA);

    /** IPC-7711 conformal coating table: the removal methods recommended for each coating. */
    static final Map<CoatingType, Set<RemovalMethod>> COATING_REMOVAL = Map.of(
            CoatingType.ACRYLIC, EnumSet.of(RemovalMethod.SOLVENT),
            CoatingType.EPOXY, EnumSet.of(RemovalMethod.MECHANICAL, RemovalMethod.MICRO_ABRASION),
            CoatingType.SILICONE, EnumSet.of(RemovalMethod.PEELING, RemovalMethod.MECHANICAL),
            CoatingType.URETHANE, EnumSet.of(RemovalMethod.SOLVENT, RemovalMethod.MECHANICAL),
            CoatingType.PARYLENE, EnumSet.of(RemovalMethod.MICRO_ABRASION, RemovalMethod.LASER));

    private ProcedureRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.PEAK_LEAD_FREE_BGA, ERROR, "lead-free BGA/CSP rework peaks at 245 C at most",
                        HeatStep.class, ProcedureRules::leadFreeAreaArrayPeak),
                new Rule<>(RuleCodes.PEAK_TC, ERROR, "the peak stays at or below the parts' J-STD-020 classification "
                        + "temperature", HeatStep.class, ProcedureRules::classificationTemperature),
                new Rule<>(RuleCodes.ALLOY_MIX, ERROR, "a procedure does not mix SnPb and lead-free alloys",
                        Procedure.class, ProcedureRules::alloyMix),
                new Rule<>(RuleCodes.FLUX_ALLOY, WARNING, "the flux is meant for the procedure's alloy",
                        Procedure.class, ProcedureRules::fluxAlloy),
                new Rule<>(RuleCodes.CLASS3_CONFORMANCE, ERROR, "class 3 work requires High conformance",
                        Procedure.class, ProcedureRules::class3Conformance),
                new Rule<>(RuleCodes.SKILL_AREA_ARRAY, ERROR, "BGA/CSP and QFN/LGA work requires Expert skill",
                        Procedure.class, ProcedureRules::expertSkill),
                new Rule<>(RuleCodes.REPAIR_APPROVAL, ERROR, "a repair has a customer or engineering approval step",
                        Procedure.class, ProcedureRules::repairApproval),
                new Rule<>(RuleCodes.MODIFICATION_ECO, ERROR, "a modification has an ECO approval step",
                        Procedure.class, ProcedureRules::modificationEco),
                new Rule<>(RuleCodes.COATING_SOLVENT, ERROR, "solvent does not remove parylene",
                        RemoveCoatingStep.class, ProcedureRules::solventOnParylene),
                new Rule<>(RuleCodes.COATING_METHOD, WARNING, "coating removal by a method the table recommends",
                        RemoveCoatingStep.class, ProcedureRules::coatingMethod),
                new Rule<>(RuleCodes.HEAT_EQUIPMENT, ERROR, "heat steps use equipment the procedure declares",
                        HeatStep.class, ProcedureRules::declaredEquipment),
                new Rule<>(RuleCodes.EQUIPMENT_RANGE, ERROR, "the equipment can reach the profile",
                        HeatStep.class, ProcedureRules::equipmentRange),
                new Rule<>(RuleCodes.FOCUSED_IR_PREHEATER, ERROR, "focused-IR BGA work declares a bottom preheater",
                        HeatStep.class, ProcedureRules::focusedIrPreheater),
                new Rule<>(RuleCodes.CURE_SCHEDULE, ERROR, "cure steps follow one of the material's cure schedules",
                        CureStep.class, ProcedureRules::cureSchedule),
                new Rule<>(RuleCodes.BAKE_TEMPERATURE, ERROR, "bakes stay at or below the J-STD-033 bake temperature",
                        BakeStep.class, ProcedureRules::bakeTemperature),
                new Rule<>(RuleCodes.BAKE_MSL, WARNING, "only moisture-sensitive parts are baked",
                        BakeStep.class, ProcedureRules::bakeMsl),
                new Rule<>(RuleCodes.MSL_CHECK, WARNING, "reflowing moisture-sensitive parts checks floor life or bakes",
                        Procedure.class, ProcedureRules::mslCheck),
                new Rule<>(RuleCodes.FINAL_INSPECTION, ERROR, "every procedure ends in an inspection",
                        Procedure.class, ProcedureRules::finalInspection),
                new Rule<>(RuleCodes.DUPLICATE_NAME, ERROR, "names are unique where they are looked up",
                        EObject.class, ProcedureRules::duplicateNames),
                new Rule<>(RuleCodes.REVISION_MAPPING, ERROR, "one number per standard and revision",
                        Procedure.class, ProcedureRules::revisionMapping));
    }

    private static Procedure procedureOf(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Procedure p) {
                return p;
            }
        }
        return null;
    }

    private static boolean resolved(EObject o) {
        return o != null && !o.eIsProxy();
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
        if (!resolved(profile) || Profiles.peak(profile) == null) {
            return; // J-STD-020 classifies packages for reflow, not for a soldering iron on their leads
        }
        Temperature peak = Profiles.peakMax(profile);
        Stream<Component> parts = resolved(step.getComponent()) ? Stream.of(step.getComponent())
                : procedure == null ? Stream.empty() : procedure.getComponents().stream().filter(ProcedureRules::resolved);
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

    private static Set<Alloy> alloys(Procedure procedure) {
        Set<Alloy> alloys = new LinkedHashSet<>();
        for (Material m : procedure.getMaterials()) {
            if (m instanceof SolderWire w && resolved(w.getAlloy())) {
                alloys.add(w.getAlloy());
            } else if (m instanceof SolderPaste p && resolved(p.getAlloy())) {
                alloys.add(p.getAlloy());
            }
        }
        steps(procedure).filter(HeatStep.class::isInstance).map(s -> ((HeatStep) s).getProfile())
                .filter(ProcedureRules::resolved).map(ThermalProfile::getAlloy).filter(ProcedureRules::resolved)
                .forEach(alloys::add);
        return alloys;
    }

    private static void alloyMix(Procedure procedure, RuleContext ctx) {
        Set<Alloy> alloys = alloys(procedure);
        Set<Boolean> families = alloys.stream().map(Alloy::isLeadFree).collect(Collectors.toSet());
        if (families.size() > 1) {
            ctx.report(procedure, PROCEDURE__MATERIALS, "mixes SnPb and lead-free alloys ("
                    + alloys.stream().map(Alloy::getName).collect(Collectors.joining(", "))
                    + "); IPC-7711/7721 overview: mixing alloys needs its own engineering assessment");
        }
    }

    private static void fluxAlloy(Procedure procedure, RuleContext ctx) {
        Set<Alloy> alloys = alloys(procedure);
        for (Material m : procedure.getMaterials()) {
            if (m instanceof Flux flux && !flux.eIsProxy() && !flux.getAlloys().isEmpty()
                    && flux.getAlloys().stream().allMatch(ProcedureRules::resolved)) {
                for (Alloy alloy : alloys) {
                    if (!flux.getAlloys().contains(alloy)) {
                        ctx.report(procedure, PROCEDURE__MATERIALS, "flux " + flux.getName() + " is not meant for "
                                + alloy.getName() + " (IPC-7711/7721 overview: flux must match the solder alloy)");
                    }
                }
            }
        }
    }

    private static void class3Conformance(Procedure procedure, RuleContext ctx) {
        if (procedure.getProductClasses().contains(ProductClass.CLASS3) && !procedure.getConformance().isEmpty()
                && !procedure.getConformance().contains(ConformanceLevel.HIGH)) {
            ctx.report(procedure, PROCEDURE__CONFORMANCE, "is for class 3 but its conformance is "
                    + procedure.getConformance().stream().map(ConformanceLevel::getLiteral).collect(Collectors.joining(", "))
                    + "; IPC-7711/7721: class 3 work requires High conformance");
        }
    }

    private static void expertSkill(Procedure procedure, RuleContext ctx) {
        Set<ComponentFamily> families = procedure.getComponentFamilies().stream().filter(EXPERT_FAMILIES::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ComponentFamily.class)));
        boolean stated = procedure.eIsSet(PROCEDURE__SKILL);
        if (!families.isEmpty() && (!stated || procedure.getSkill() != SkillLevel.EXPERT)) {
            ctx.report(procedure, stated ? PROCEDURE__SKILL : NAMED_ELEMENT__NAME, "works on "
                    + families.stream().map(ComponentFamily::getLiteral).collect(Collectors.joining(", "))
                    + (stated ? " but asks for " + procedure.getSkill().getLiteral() + " skill" : " but states no skill")
                    + "; IPC-7711/7721: BGA/CSP and QFN/LGA rework requires Expert", stated ? "expert" : null);
        }
    }

    private static Stream<Step> steps(Procedure procedure) {
        return procedure.getOperations().stream().flatMap(o -> o.getSteps().stream());
    }

    private static boolean hasApproval(Procedure procedure, Set<ApprovalKind> kinds) {
        return steps(procedure).anyMatch(s -> s instanceof ApproveStep a && kinds.contains(a.getKind()));
    }

    private static void repairApproval(Procedure procedure, RuleContext ctx) {
        if (procedure.getActivity() == Activity.REPAIR
                && !hasApproval(procedure, EnumSet.of(ApprovalKind.CUSTOMER, ApprovalKind.ENGINEERING))) {
            ctx.report(procedure, PROCEDURE__ACTIVITY, "is a repair without a customer or engineering approval step; "
                    + "IPC-7711/7721: repairs need customer or engineering approval");
        }
    }

    private static void modificationEco(Procedure procedure, RuleContext ctx) {
        if (procedure.getActivity() == Activity.MODIFICATION && !hasApproval(procedure, EnumSet.of(ApprovalKind.ECO))) {
            ctx.report(procedure, PROCEDURE__ACTIVITY, "is a modification without an ECO approval step; "
                    + "IPC-7711/7721: modifications need an engineering change order");
        }
    }

    private static CoatingType coatingType(RemoveCoatingStep step) {
        Coating coating = step.getCoating();
        return resolved(coating) ? coating.getType() : null;
    }

    private static void solventOnParylene(RemoveCoatingStep step, RuleContext ctx) {
        if (coatingType(step) == CoatingType.PARYLENE && step.getMethod() == RemovalMethod.SOLVENT) {
            ctx.report(step, REMOVE_COATING_STEP__METHOD, "solvent does not remove parylene " + step.getCoating().getName()
                    + "; IPC-7711 coating table: use micro-abrasion or laser", "micro-abrasion");
        }
    }

    private static void coatingMethod(RemoveCoatingStep step, RuleContext ctx) {
        CoatingType type = coatingType(step);
        if (type == null || type == CoatingType.PARYLENE && step.getMethod() == RemovalMethod.SOLVENT) {
            return;
        }
        Set<RemovalMethod> recommended = COATING_REMOVAL.get(type);
        if (!recommended.contains(step.getMethod())) {
            ctx.report(step, REMOVE_COATING_STEP__METHOD, step.getMethod().getLiteral() + " is not a recommended "
                    + "removal for " + type.getLiteral() + " coating; IPC-7711 coating table: "
                    + recommended.stream().map(RemovalMethod::getLiteral).collect(Collectors.joining(", ")),
                    recommended.iterator().next().getLiteral());
        }
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
        if (procedure.getEquipment().stream().noneMatch(ProcedureRules::providesBottomHeat)) {
            ctx.report(procedure, PROCEDURE__EQUIPMENT, "does focused-IR BGA work without a bottom preheater; "
                    + "IPC-7711 BGA procedures: focused IR with bottom-side preheater");
        }
    }

    private static void cureSchedule(CureStep step, RuleContext ctx) {
        if (!(step.getMaterial() instanceof Epoxy epoxy) || epoxy.eIsProxy() || step.getTemperature() == null
                || step.getDuration() == null) {
            return;
        }
        boolean follows = epoxy.getCureSchedules().stream().anyMatch(s -> matches(s, step));
        if (!follows && !epoxy.getCureSchedules().isEmpty()) {
            ctx.report(step, CURE_STEP__TEMPERATURE, "cures " + epoxy.getName() + " for " + step.getDuration() + " at "
                    + step.getTemperature() + ", which none of its cure schedules allows ("
                    + epoxy.getCureSchedules().stream().map(s -> s.getDuration() + " at " + s.getTemperature())
                            .collect(Collectors.joining(" or ")) + ")");
        }
    }

    private static boolean matches(CureSchedule schedule, CureStep step) {
        return Math.abs(schedule.getTemperature().celsius() - step.getTemperature().celsius()) <= 2
                && step.getDuration().compareTo(schedule.getDuration()) >= 0;
    }

    private static void bakeTemperature(BakeStep step, RuleContext ctx) {
        double max = ctx.settings().get(RuleSettings.BAKE_MAX);
        if (step.getTemperature() != null && step.getTemperature().celsius() > max) {
            ctx.report(step, BAKE_STEP__TEMPERATURE, "bakes at " + step.getTemperature() + ", above " + fmt(max)
                    + " °C (" + ctx.settings().source(RuleSettings.BAKE_MAX) + ")", fmt(max) + " C");
        }
    }

    private static void bakeMsl(BakeStep step, RuleContext ctx) {
        Component part = step.getComponent();
        if (resolved(part) && (part.getMsl() == MoistureSensitivityLevel.MSL1)) {
            ctx.report(step, BAKE_STEP__COMPONENT, part.getName() + " is MSL 1 (unlimited floor life at <= 30 °C / "
                    + "85 % RH); J-STD-033 asks no bake for it");
        }
    }

    private static void mslCheck(Procedure procedure, RuleContext ctx) {
        if (steps(procedure).noneMatch(HeatStep.class::isInstance)
                || steps(procedure).anyMatch(s -> s instanceof BakeStep || s instanceof FloorLifeCheckStep)) {
            return;
        }
        Stream<Component> parts = Stream.concat(procedure.getComponents().stream(),
                steps(procedure).filter(HeatStep.class::isInstance).map(s -> ((HeatStep) s).getComponent()));
        List<String> sensitive = parts.filter(ProcedureRules::resolved)
                .filter(c -> c.getMsl() != null && c.getMsl() != MoistureSensitivityLevel.MSL1).map(Component::getName)
                .distinct().toList();
        if (!sensitive.isEmpty()) {
            ctx.report(procedure, PROCEDURE__OPERATIONS, "reflows moisture-sensitive " + String.join(", ", sensitive)
                    + " without a bake or floor-life check step (J-STD-033)");
        }
    }

    private static void finalInspection(Procedure procedure, RuleContext ctx) {
        List<Operation> operations = procedure.getOperations();
        List<Step> last = operations.isEmpty() ? List.of() : operations.get(operations.size() - 1).getSteps();
        if (last.isEmpty() || !(last.get(last.size() - 1) instanceof InspectStep)) {
            ctx.report(procedure, PROCEDURE__OPERATIONS, "does not end in an inspection against acceptance criteria "
                    + "(IPC-7711/7721: results are judged by IPC-A-610)");
        }
    }

    private static void duplicateNames(EObject owner, RuleContext ctx) {
        if (owner instanceof Library library) {
            duplicates(library.getElements(), NamedElement::getName, "an element", ctx, NAMED_ELEMENT__NAME);
        } else if (owner instanceof Procedure procedure) {
            duplicates(procedure.getOperations(), Operation::getName, "an operation", ctx, OPERATION__NAME);
            duplicates(steps(procedure).filter(s -> s.getName() != null).toList(), Step::getName, "a step", ctx,
                    STEP__NAME);
        }
    }

    private static <T extends EObject> void duplicates(List<T> items, java.util.function.Function<T, String> name,
            String what, RuleContext ctx, org.eclipse.emf.ecore.EStructuralFeature feature) {
        Map<String, T> seen = new HashMap<>();
        for (T item : items) {
            String n = name.apply(item);
            if (n != null && seen.putIfAbsent(n, item) != null) {
                ctx.report(item, feature, "'" + n + "' names " + what + " already; names must be unique");
            }
        }
    }

    private static void revisionMapping(Procedure procedure, RuleContext ctx) {
        Map<String, StandardReference> seen = new HashMap<>();
        for (StandardReference ref : procedure.getReferences()) {
            String key = ref.getStandard().getLiteral() + " rev " + ref.getRevision().getLiteral();
            StandardReference earlier = seen.putIfAbsent(key, ref);
            if (earlier != null && !Objects.equals(earlier.getNumber(), ref.getNumber())) {
                ctx.report(ref, STANDARD_REFERENCE__NUMBER, key + " is mapped twice, to " + earlier.getNumber()
                        + " and " + ref.getNumber() + "; one procedure has one number per revision");
            }
        }
    }
}
