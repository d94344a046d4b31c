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


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.model.Change;
import org.benchwright.model.ClassesChange;
import org.benchwright.model.ConformanceChange;
import org.benchwright.model.Deviation;
import org.benchwright.model.Insertion;
import org.benchwright.model.LimitChange;
import org.benchwright.model.ModulesChange;
import org.benchwright.model.Omission;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProfileChange;
import org.benchwright.model.SkillChange;
import org.benchwright.model.Step;
import org.benchwright.model.StepAnchor;
import org.benchwright.model.WorkInstruction;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

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
        return new WorkInstructionMerge(instruction).run();
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

    static String stepText(Step step) {
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
    static String literals(List<? extends Enumerator> values, String separator) {
        return values.stream().map(Enumerator::getLiteral).collect(Collectors.joining(separator));
    }

    static String fmt(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
