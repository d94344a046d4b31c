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

import static org.benchwright.model.BenchwrightPackage.Literals.CLASSES_CHANGE__PRODUCT_CLASSES;
import static org.benchwright.model.BenchwrightPackage.Literals.CONFORMANCE_CHANGE__CONFORMANCE;
import static org.benchwright.model.BenchwrightPackage.Literals.EQUIPMENT_MODEL__EQUIPMENT;
import static org.benchwright.model.BenchwrightPackage.Literals.LIMIT_CHANGE__LOWER_LIMIT;
import static org.benchwright.model.BenchwrightPackage.Literals.LIMIT_CHANGE__UPPER_LIMIT;
import static org.benchwright.model.BenchwrightPackage.Literals.MATERIAL_PART__MATERIAL;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__CONFORMANCE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__PRODUCT_CLASSES;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__SKILL;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__TRAINING_MODULES;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_CHANGE__PROFILE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_CHANGE__REPLACED;
import static org.benchwright.model.BenchwrightPackage.Literals.SKILL_CHANGE__SKILL;
import static org.benchwright.model.BenchwrightPackage.Literals.STEP_ANCHOR__INDEX;
import static org.benchwright.model.BenchwrightPackage.Literals.STEP_ANCHOR__OPERATION;
import static org.benchwright.model.BenchwrightPackage.Literals.STEP_ANCHOR__STEP;
import static org.benchwright.model.BenchwrightPackage.Literals.WORK_INSTRUCTION__BASE_REVISION;
import static org.benchwright.rules.WorkInstructions.anchor;
import static org.benchwright.rules.WorkInstructions.fmt;
import static org.benchwright.rules.WorkInstructions.literals;
import static org.benchwright.rules.WorkInstructions.name;
import static org.benchwright.rules.WorkInstructions.revision;
import static org.benchwright.rules.WorkInstructions.stepText;
import static org.benchwright.rules.WorkInstructions.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchwright.model.Change;
import org.benchwright.model.ClassesChange;
import org.benchwright.model.ConformanceChange;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.CureStep;
import org.benchwright.model.Deviation;
import org.benchwright.model.EquipmentModel;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.HeatStep;
import org.benchwright.model.Insertion;
import org.benchwright.model.LimitChange;
import org.benchwright.model.Material;
import org.benchwright.model.MaterialPart;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.ModulesChange;
import org.benchwright.model.Omission;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ProfileChange;
import org.benchwright.model.SkillChange;
import org.benchwright.model.Step;
import org.benchwright.model.StepAnchor;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions.Derivation;
import org.benchwright.rules.WorkInstructions.Kind;
import org.benchwright.rules.WorkInstructions.Problem;
import org.benchwright.rules.internal.ProfileWindows;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Merges a work instruction with its base procedure into the effective procedure, step by step: copies the base,
 * applies the instruction's changes in order, and records each problem (an anchor that names nothing, a change
 * that loosens the base outside a deviation, a replacement profile that does not fit) with the rule it breaks.
 * {@link WorkInstructions#derive} is its entry.
 */
final class WorkInstructionMerge {

    private final WorkInstruction wi;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Step, Step> origins = new IdentityHashMap<>();
    private final Map<EObject, Change> causes = new IdentityHashMap<>();
    private final Map<EStructuralFeature, Change> featureCauses = new HashMap<>();
    private final Map<Object, Step> lastAfter = new HashMap<>();
    private final Map<Object, Integer> beforeCount = new HashMap<>();
    private Procedure base;
    private Procedure effective;
    private EcoreUtil.Copier copier;

    WorkInstructionMerge(WorkInstruction wi) {
        this.wi = wi;
    }

    Derivation run() {
        base = wi.getBase();
        if (base == null || base.eIsProxy()) {
            return new Derivation(wi, null, problems, origins, causes, featureCauses, Map.of());
        }
        if (wi.getBaseRevision() != null && !wi.getBaseRevision().equals(revision(base))) {
            problem(Kind.BASE_REVISION, wi, WORK_INSTRUCTION__BASE_REVISION, wi.getName() + " is based on "
                    + base.getName() + " revision " + wi.getBaseRevision() + ", but the library has revision "
                    + revision(base), null);
        }
        copier = new EcoreUtil.Copier();
        effective = (Procedure) copier.copy(base);
        copier.copyReferences();
        effective.setName(wi.getName());
        if (wi.getTitle() != null) {
            effective.setTitle(wi.getTitle());
        }
        if (wi.getDescription() != null) {
            effective.setDescription(wi.getDescription());
        }
        effective.setRevision(wi.getRevision());
        effective.setInstruction(wi);

        // anchors name the base as written: resolve them all before anything moves
        Map<StepAnchor, Object> places = new IdentityHashMap<>();
        List<Change> all = new ArrayList<>();
        Map<Change, Deviation> deviationOf = new IdentityHashMap<>();
        all.addAll(wi.getChanges());
        for (Deviation deviation : wi.getDeviations()) {
            for (Change change : deviation.getChanges()) {
                all.add(change);
                deviationOf.put(change, deviation);
            }
        }
        for (Change change : all) {
            StepAnchor anchor = anchorOf(change);
            if (anchor != null) {
                Object place = resolve(anchor, deviationOf.get(change));
                if (place != null) {
                    places.put(anchor, place);
                }
            }
        }
        for (Change change : all) {
            apply(change, places, deviationOf.get(change));
        }
        checkModels();
        checkParts();
        return new Derivation(wi, effective, problems, origins, causes, featureCauses, copier);
    }

    private void problem(Kind kind, EObject element, EStructuralFeature feature, String message,
            Deviation deviation) {
        problems.add(new Problem(kind, element, feature, message, deviation));
    }

    private static StepAnchor anchorOf(Change change) {
        return change instanceof Insertion i ? i.getAnchor()
                : change instanceof LimitChange l ? l.getAnchor()
                : change instanceof Omission o ? o.getAnchor() : null;
    }

    /** The copied operation or step an anchor names, or {@code null} after reporting why there is none. */
    private Object resolve(StepAnchor anchor, Deviation deviation) {
        Operation operation = base.getOperations().stream().filter(o -> o.getName().equals(anchor.getOperation()))
                .findFirst().orElse(null);
        if (operation == null) {
            problem(Kind.ANCHOR, anchor, STEP_ANCHOR__OPERATION, base.getName() + " has no operation '"
                    + anchor.getOperation() + "' (it has " + base.getOperations().stream().map(Operation::getName)
                            .collect(Collectors.joining(", ")) + ")", deviation);
            return null;
        }
        if (anchor.getStep() != null) {
            Step step = operation.getSteps().stream().filter(s -> anchor.getStep().equals(s.getName())).findFirst()
                    .orElse(null);
            if (step == null) {
                String named = operation.getSteps().stream().map(Step::getName).filter(Objects::nonNull)
                        .collect(Collectors.joining(", "));
                problem(Kind.ANCHOR, anchor, STEP_ANCHOR__STEP, "operation " + operation.getName() + " of "
                        + base.getName() + " has no step named '" + anchor.getStep() + "' ("
                        + (named.isEmpty() ? "its steps have no names; give their number: " + operation.getName()
                                + " step 1 to " + operation.getSteps().size() : "it has " + named) + ")", deviation);
                return null;
            }
            return copier.get(step);
        }
        if (anchor.getIndex() != null) {
            int index = anchor.getIndex();
            if (index < 1 || index > operation.getSteps().size()) {
                problem(Kind.ANCHOR, anchor, STEP_ANCHOR__INDEX, "operation " + operation.getName() + " of "
                        + base.getName() + " has " + operation.getSteps().size() + " steps; there is no step "
                        + index, deviation);
                return null;
            }
            return copier.get(operation.getSteps().get(index - 1));
        }
        return copier.get(operation);
    }

    private void apply(Change change, Map<StepAnchor, Object> places, Deviation deviation) {
        if (change instanceof SkillChange c) {
            if (base.eIsSet(PROCEDURE__SKILL) && c.getSkill().getValue() < base.getSkill().getValue()) {
                problem(Kind.LOOSENS, c, SKILL_CHANGE__SKILL, "skill " + c.getSkill().getLiteral() + " is below the "
                        + base.getSkill().getLiteral() + " skill " + base.getName() + " asks for", deviation);
            }
            effective.setSkill(c.getSkill());
            featureCauses.put(PROCEDURE__SKILL, c);
        } else if (change instanceof ConformanceChange c) {
            if (!base.getConformance().isEmpty() && !base.getConformance().containsAll(c.getConformance())) {
                int lowest = base.getConformance().stream().mapToInt(ConformanceLevel::getValue).min().orElse(0);
                List<ConformanceLevel> outside = c.getConformance().stream()
                        .filter(l -> !base.getConformance().contains(l)).toList();
                boolean lower = outside.stream().anyMatch(l -> l.getValue() < lowest);
                problem(Kind.LOOSENS, c, CONFORMANCE_CHANGE__CONFORMANCE, "conformance " + literals(outside, ", ")
                        + (lower ? " is lower than " : " is not one ") + base.getName() + " achieves ("
                        + literals(base.getConformance(), " to ") + ")", deviation);
            }
            effective.getConformance().clear();
            effective.getConformance().addAll(c.getConformance());
            featureCauses.put(PROCEDURE__CONFORMANCE, c);
        } else if (change instanceof ClassesChange c) {
            if (!base.getProductClasses().isEmpty() && !base.getProductClasses().containsAll(c.getProductClasses())) {
                List<ProductClass> outside = c.getProductClasses().stream()
                        .filter(k -> !base.getProductClasses().contains(k)).toList();
                problem(Kind.LOOSENS, c, CLASSES_CHANGE__PRODUCT_CLASSES, "class " + literals(outside, ", ")
                        + " is beyond the classes " + base.getName() + " covers ("
                        + literals(base.getProductClasses(), ", ") + ")", deviation);
            }
            effective.getProductClasses().clear();
            effective.getProductClasses().addAll(c.getProductClasses());
            featureCauses.put(PROCEDURE__PRODUCT_CLASSES, c);
        } else if (change instanceof ModulesChange c) {
            Set<Integer> modules = new LinkedHashSet<>(effective.getTrainingModules());
            modules.addAll(c.getTrainingModules());
            effective.getTrainingModules().clear();
            effective.getTrainingModules().addAll(modules);
            featureCauses.put(PROCEDURE__TRAINING_MODULES, c);
        } else if (change instanceof ProfileChange c) {
            replaceProfile(c, deviation);
        } else if (change instanceof Insertion c) {
            Object place = places.get(c.getAnchor());
            if (place != null) {
                insert(c, place);
            }
        } else if (change instanceof LimitChange c) {
            Object place = places.get(c.getAnchor());
            if (place != null) {
                limit(c, place, deviation);
            }
        } else if (change instanceof Omission c) {
            Object place = places.get(c.getAnchor());
            if (place instanceof Step step) {
                problem(Kind.LOOSENS, c, null, "leaving out " + anchor(c.getAnchor()) + " of " + base.getName()
                        + " (" + stepText(step) + ") loosens it", deviation);
                ((Operation) step.eContainer()).getSteps().remove(step);
            } else if (place instanceof Operation) {
                problem(Kind.ANCHOR, c.getAnchor(), STEP_ANCHOR__OPERATION, "omit names a step: write "
                        + anchor(c.getAnchor()) + ".<step> or " + anchor(c.getAnchor()) + " step <number>",
                        deviation);
            }
        }
    }

    private void insert(Insertion insertion, Object place) {
        List<Step> copies = new ArrayList<>();
        for (Step step : insertion.getSteps()) {
            Step copy = EcoreUtil.copy(step);
            origins.put(copy, step);
            causes.put(copy, insertion);
            copies.add(copy);
        }
        if (place instanceof Operation operation) {
            if (insertion.isAfter()) {
                operation.getSteps().addAll(copies);
            } else {
                int at = beforeCount.merge(operation, copies.size(), Integer::sum) - copies.size();
                operation.getSteps().addAll(at, copies);
            }
        } else {
            Step step = (Step) place;
            Operation operation = (Operation) step.eContainer();
            if (operation == null) {
                return; // omitted by a deviation: nothing to insert next to
            }
            if (insertion.isAfter()) {
                Step last = lastAfter.getOrDefault(step, step);
                operation.getSteps().addAll(operation.getSteps().indexOf(last) + 1, copies);
                lastAfter.put(step, copies.get(copies.size() - 1));
            } else {
                operation.getSteps().addAll(operation.getSteps().indexOf(step), copies);
            }
        }
    }

    private void limit(LimitChange change, Object place, Deviation deviation) {
        if (!(place instanceof MeasureStep step)) {
            problem(Kind.ANCHOR, change.getAnchor(), STEP_ANCHOR__OPERATION, anchor(change.getAnchor())
                    + " is not a measurement; limit names a measure step", deviation);
            return;
        }
        if (change.getLowerLimit() != null) {
            if (step.getLowerLimit() != null && change.getLowerLimit() < step.getLowerLimit()) {
                problem(Kind.LOOSENS, change, LIMIT_CHANGE__LOWER_LIMIT, "lower limit " + fmt(change.getLowerLimit())
                        + " " + step.getUnit() + " is below the base's " + fmt(step.getLowerLimit()) + " "
                        + step.getUnit(), deviation);
            }
            step.setLowerLimit(change.getLowerLimit());
        }
        if (change.getUpperLimit() != null) {
            if (step.getUpperLimit() != null && change.getUpperLimit() > step.getUpperLimit()) {
                problem(Kind.LOOSENS, change, LIMIT_CHANGE__UPPER_LIMIT, "upper limit " + fmt(change.getUpperLimit())
                        + " " + step.getUnit() + " is above the base's " + fmt(step.getUpperLimit()) + " "
                        + step.getUnit(), deviation);
            }
            step.setUpperLimit(change.getUpperLimit());
        }
        causes.put(step, change);
    }

    private void replaceProfile(ProfileChange change, Deviation deviation) {
        ThermalProfile replaced = change.getReplaced();
        ThermalProfile profile = change.getProfile();
        if (replaced == null || replaced.eIsProxy() || profile == null || profile.eIsProxy()) {
            return;
        }
        List<HeatStep> steps = new ArrayList<>();
        for (Operation operation : effective.getOperations()) {
            for (Step step : operation.getSteps()) {
                // the profile the base runs there, whatever an earlier replacement made of it
                if (step instanceof HeatStep heat && baseStep(heat) instanceof HeatStep inBase
                        && inBase.getProfile() == replaced) {
                    steps.add(heat);
                }
            }
        }
        if (steps.isEmpty()) {
            problem(Kind.ANCHOR, change, PROFILE_CHANGE__REPLACED, "no heat step of " + base.getName() + " runs "
                    + name(replaced), deviation);
            return;
        }
        for (String wider : ProfileWindows.wider(replaced, profile)) {
            problem(Kind.PROFILE, change, PROFILE_CHANGE__PROFILE, name(profile) + " " + wider + " than "
                    + name(replaced) + " it replaces", deviation);
        }
        for (HeatStep step : steps) {
            step.setProfile(profile);
            causes.put(step, change);
        }
    }

    private EObject baseStep(Step copy) {
        for (Map.Entry<EObject, EObject> entry : copier.entrySet()) {
            if (entry.getValue() == copy) {
                return entry.getKey();
            }
        }
        return null;
    }

    private void checkModels() {
        Set<EObject> used = new LinkedHashSet<>();
        effective.getEquipment().stream().map(EquipmentRequirement::getEquipment).forEach(used::add);
        steps(effective).stream().filter(HeatStep.class::isInstance).map(s -> ((HeatStep) s).getEquipment())
                .forEach(used::add);
        for (EquipmentModel model : wi.getEquipmentModels()) {
            if (model.getEquipment() != null && !model.getEquipment().eIsProxy()
                    && !used.contains(model.getEquipment())) {
                problem(Kind.EQUIPMENT, model, EQUIPMENT_MODEL__EQUIPMENT, wi.getName() + " does not use "
                        + model.getEquipment().getName() + " (it uses " + used.stream().map(WorkInstructions::name)
                                .collect(Collectors.joining(", ")) + ")", null);
            }
        }
    }

    private void checkParts() {
        Set<Material> used = new LinkedHashSet<>(effective.getMaterials());
        for (Step step : steps(effective)) {
            if (step instanceof UseMaterialStep use) {
                used.add(use.getMaterial());
            } else if (step instanceof CureStep cure && cure.getMaterial() != null) {
                used.add(cure.getMaterial());
            }
        }
        for (MaterialPart part : wi.getPartNumbers()) {
            if (part.getMaterial() != null && !part.getMaterial().eIsProxy() && !used.contains(part.getMaterial())) {
                problem(Kind.MATERIAL, part, MATERIAL_PART__MATERIAL, wi.getName() + " does not use "
                        + part.getMaterial().getName(), null);
            }
        }
    }
}
