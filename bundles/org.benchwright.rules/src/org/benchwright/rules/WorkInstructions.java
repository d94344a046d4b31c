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
import org.benchwright.rules.internal.ProfileWindows;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Merges a work instruction with its base procedure into the effective procedure that is checked, shown and run, and
 * says where the instruction loosens its base. Anchors name the base's operations and steps as the base has them, so
 * "remove step 2" means the base's second step whatever else the instruction inserts.
 */
public final class WorkInstructions {

    /** What a problem of a derivation is about; each kind is one rule (see {@link RuleCodes}). */
    public enum Kind {
        /** The instruction names a base revision the library does not have. */
        BASE_REVISION,
        /** An operation or step of the base that is not there, or not of the kind the change needs. */
        ANCHOR,
        /** A change that makes the base less strict: lower skill or conformance, more classes, wider limits, an omitted step. */
        LOOSENS,
        /** A replacement profile whose window is wider than the replaced one's, or for another alloy. */
        PROFILE,
        /** An equipment model for equipment the effective procedure does not use. */
        EQUIPMENT,
        /** A part number for a material the effective procedure does not use. */
        MATERIAL
    }

    /**
     * Something the derivation found: what, where, and the deviation that allows it ({@code null} when none does).
     */
    public record Problem(Kind kind, EObject element, EStructuralFeature feature, String message, Deviation deviation) {
    }

    /**
     * A work instruction merged with its base.
     *
     * @param effective the base with every change applied, named and revised as the instruction; {@code null} when
     *        the base cannot be resolved
     * @param origins for each step of the effective procedure that the instruction added, the step as written in it
     * @param causes the change behind an element of the effective procedure: an added step, a step whose limits or
     *        profile changed, or the procedure itself for the feature a change sets (see {@link #cause})
     * @param copies the base's elements and their copies in the effective procedure
     */
    public record Derivation(WorkInstruction instruction, Procedure effective, List<Problem> problems,
            Map<Step, Step> origins, Map<EObject, Change> causes, Map<EStructuralFeature, Change> featureCauses,
            Map<EObject, EObject> copies) {

        /** The change behind {@code feature} of {@code element} of the effective procedure, or {@code null}. */
        public Change cause(EObject element, EStructuralFeature feature) {
            for (EObject e = element; e != null; e = e.eContainer()) {
                Change change = causes.get(e);
                if (change != null) {
                    return change;
                }
            }
            return element == effective ? featureCauses.get(feature) : null;
        }

        /** The deviations with their justifications, as records cite them. */
        public List<String> deviations() {
            return instruction.getDeviations().stream().map(WorkInstructions::describe).toList();
        }
    }

    private WorkInstructions() {
    }

    /** Whether a deviation says why: only a justified deviation allows what loosens the base. */
    public static boolean justified(Deviation deviation) {
        return deviation != null && deviation.getJustification() != null && !deviation.getJustification().isBlank();
    }

    /** The revision a procedure gives itself, "1" when it writes none. */
    public static String revision(Procedure procedure) {
        return procedure.getRevision() == null ? "1" : procedure.getRevision();
    }

    /** One line for a deviation: its name, what it changes and why. */
    public static String describe(Deviation deviation) {
        return (deviation.getName() == null ? "deviation" : deviation.getName()) + ": "
                + deviation.getChanges().stream().map(WorkInstructions::describe).collect(Collectors.joining("; "))
                + " (" + deviation.getJustification() + ")";
    }

    /** A change as the language writes it. */
    public static String describe(Change change) {
        if (change instanceof SkillChange c) {
            return "skill " + c.getSkill().getLiteral();
        } else if (change instanceof ConformanceChange c) {
            return "conformance " + literals(c.getConformance(), ", ");
        } else if (change instanceof ClassesChange c) {
            return "classes " + literals(c.getProductClasses(), ", ");
        } else if (change instanceof ModulesChange c) {
            return "modules " + c.getTrainingModules().stream().map(String::valueOf).collect(Collectors.joining(", "));
        } else if (change instanceof ProfileChange c) {
            return "use profile " + name(c.getProfile()) + " instead of " + name(c.getReplaced());
        } else if (change instanceof Insertion c) {
            return (c.isAfter() ? "after " : "before ") + anchor(c.getAnchor()) + " add " + c.getSteps().size()
                    + (c.getSteps().size() == 1 ? " step" : " steps");
        } else if (change instanceof LimitChange c) {
            return "limit " + anchor(c.getAnchor()) + (c.getLowerLimit() == null ? "" : " from " + fmt(c.getLowerLimit()))
                    + (c.getUpperLimit() == null ? "" : " to " + fmt(c.getUpperLimit()));
        } else if (change instanceof Omission c) {
            return "omit " + anchor(c.getAnchor());
        }
        return change.eClass().getName();
    }

    /** Merges {@code instruction} with its base. */
    public static Derivation derive(WorkInstruction instruction) {
        return new Merge(instruction).run();
    }

    private static final class Merge {

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

        Merge(WorkInstruction wi) {
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

    /** The steps of a procedure in order. */
    public static List<Step> steps(Procedure procedure) {
        List<Step> steps = new ArrayList<>();
        procedure.getOperations().forEach(o -> steps.addAll(o.getSteps()));
        return steps;
    }

    static String anchor(StepAnchor anchor) {
        return anchor.getOperation() + (anchor.getStep() != null ? "." + anchor.getStep()
                : anchor.getIndex() != null ? " step " + anchor.getIndex() : "");
    }

    private static String stepText(Step step) {
        String text = step.getText() != null ? step.getText() : step.getName() != null ? step.getName()
                : step.eClass().getName().replace("Step", "").toLowerCase(java.util.Locale.ROOT);
        return text.length() > 48 ? text.substring(0, 45) + "..." : text;
    }

    static String name(EObject element) {
        if (element == null || element.eIsProxy()) {
            return "?";
        }
        EStructuralFeature name = element.eClass().getEStructuralFeature("name");
        return name == null ? element.eClass().getName() : String.valueOf(element.eGet(name));
    }

    /** Enumeration values as the language writes them, joined. */
    private static String literals(List<? extends Enumerator> values, String separator) {
        return values.stream().map(Enumerator::getLiteral).collect(Collectors.joining(separator));
    }

    static String fmt(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
