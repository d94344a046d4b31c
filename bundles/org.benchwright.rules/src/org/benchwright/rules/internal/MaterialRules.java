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
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__MATERIALS;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__OPERATIONS;
import static org.benchwright.model.BenchwrightPackage.Literals.REMOVE_COATING_STEP__METHOD;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.Severity.WARNING;
import static org.benchwright.rules.internal.ProcedureParts.resolved;
import static org.benchwright.rules.internal.ProcedureParts.steps;
import static org.benchwright.rules.internal.ProfileRules.fmt;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benchwright.model.Alloy;
import org.benchwright.model.BakeStep;
import org.benchwright.model.Coating;
import org.benchwright.model.CoatingType;
import org.benchwright.model.Component;
import org.benchwright.model.CureSchedule;
import org.benchwright.model.CureStep;
import org.benchwright.model.Epoxy;
import org.benchwright.model.FloorLifeCheckStep;
import org.benchwright.model.Flux;
import org.benchwright.model.HeatStep;
import org.benchwright.model.Material;
import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.Procedure;
import org.benchwright.model.RemovalMethod;
import org.benchwright.model.RemoveCoatingStep;
import org.benchwright.model.SolderPaste;
import org.benchwright.model.SolderWire;
import org.benchwright.model.ThermalProfile;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.benchwright.rules.RuleSettings;

/** Rules on what a procedure does to materials: alloys and flux, coating removal, cures, bakes and floor life. */
final class MaterialRules {

    /** IPC-7711 conformal coating table: the removal methods recommended for each coating. */
    static final Map<CoatingType, Set<RemovalMethod>> COATING_REMOVAL = Map.of(
            CoatingType.ACRYLIC, EnumSet.of(RemovalMethod.SOLVENT),
            CoatingType.EPOXY, EnumSet.of(RemovalMethod.MECHANICAL, RemovalMethod.MICRO_ABRASION),
            CoatingType.SILICONE, EnumSet.of(RemovalMethod.PEELING, RemovalMethod.MECHANICAL),
            CoatingType.URETHANE, EnumSet.of(RemovalMethod.SOLVENT, RemovalMethod.MECHANICAL),
            CoatingType.PARYLENE, EnumSet.of(RemovalMethod.MICRO_ABRASION, RemovalMethod.LASER));

    private MaterialRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.ALLOY_MIX, ERROR, "a procedure does not mix SnPb and lead-free alloys",
                        Procedure.class, MaterialRules::alloyMix),
                new Rule<>(RuleCodes.FLUX_ALLOY, WARNING, "the flux is meant for the procedure's alloy",
                        Procedure.class, MaterialRules::fluxAlloy),
                new Rule<>(RuleCodes.COATING_SOLVENT, ERROR, "solvent does not remove parylene",
                        RemoveCoatingStep.class, MaterialRules::solventOnParylene),
                new Rule<>(RuleCodes.COATING_METHOD, WARNING, "coating removal by a method the table recommends",
                        RemoveCoatingStep.class, MaterialRules::coatingMethod),
                new Rule<>(RuleCodes.CURE_SCHEDULE, ERROR, "cure steps follow one of the material's cure schedules",
                        CureStep.class, MaterialRules::cureSchedule),
                new Rule<>(RuleCodes.BAKE_TEMPERATURE, ERROR, "bakes stay at or below the J-STD-033 bake temperature",
                        BakeStep.class, MaterialRules::bakeTemperature),
                new Rule<>(RuleCodes.BAKE_MSL, WARNING, "only moisture-sensitive parts are baked",
                        BakeStep.class, MaterialRules::bakeMsl),
                new Rule<>(RuleCodes.MSL_CHECK, WARNING, "reflowing moisture-sensitive parts checks floor life or bakes",
                        Procedure.class, MaterialRules::mslCheck));
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
                .filter(ProcedureParts::resolved).map(ThermalProfile::getAlloy).filter(ProcedureParts::resolved)
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
                    && flux.getAlloys().stream().allMatch(ProcedureParts::resolved)) {
                for (Alloy alloy : alloys) {
                    if (!flux.getAlloys().contains(alloy)) {
                        ctx.report(procedure, PROCEDURE__MATERIALS, "flux " + flux.getName() + " is not meant for "
                                + alloy.getName() + " (IPC-7711/7721 overview: flux must match the solder alloy)");
                    }
                }
            }
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
        List<String> sensitive = parts.filter(ProcedureParts::resolved)
                .filter(c -> c.getMsl() != null && c.getMsl() != MoistureSensitivityLevel.MSL1).map(Component::getName)
                .distinct().toList();
        if (!sensitive.isEmpty()) {
            ctx.report(procedure, PROCEDURE__OPERATIONS, "reflows moisture-sensitive " + String.join(", ", sensitive)
                    + " without a bake or floor-life check step (J-STD-033)");
        }
    }
}
