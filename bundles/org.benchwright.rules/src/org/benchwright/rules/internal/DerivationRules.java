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

import static org.benchwright.model.BenchwrightPackage.Literals.DEVIATION__CHANGES;
import static org.benchwright.model.BenchwrightPackage.Literals.NAMED_ELEMENT__NAME;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.Severity.WARNING;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.benchwright.model.Change;
import org.benchwright.model.Deviation;
import org.benchwright.model.Step;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.Finding;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.benchwright.rules.Severity;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.rules.WorkInstructions.Derivation;
import org.benchwright.rules.WorkInstructions.Kind;
import org.benchwright.rules.WorkInstructions.Problem;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Rules of work instructions: what they derive from must exist, they may tighten their base but loosen it (or the
 * standard) only in a deviation with a justification, and the effective procedure keeps every rule of the standard.
 */
final class DerivationRules {

    /** Where the standard's overview says what a plant's own instructions are for. */
    static final String SOURCE = "(IPC-7711/7721 overview, developing internal procedures: work instructions add "
            + "organization-specific requirements to the standard's procedures)";

    private DerivationRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.WI_BASE_REVISION, ERROR, "a work instruction names a revision of its base that "
                        + "the library has", WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.BASE_REVISION)),
                new Rule<>(RuleCodes.WI_ANCHOR, ERROR, "changes name operations and steps the base has",
                        WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.ANCHOR)),
                new Rule<>(RuleCodes.WI_LOOSENS, ERROR, "a work instruction loosens its base only in a deviation",
                        WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.LOOSENS)),
                new Rule<>(RuleCodes.WI_PROFILE, ERROR, "a replacement profile keeps within the replaced one's window, "
                        + "unless in a deviation", WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.PROFILE)),
                new Rule<>(RuleCodes.WI_STANDARD, ERROR, "the effective procedure keeps the standard's rules, unless a "
                        + "deviation allows", WorkInstruction.class, (wi, ctx) -> standard(wi, ctx, false)),
                new Rule<>(RuleCodes.WI_DEVIATED, WARNING, "what a deviation allows is shown where it applies",
                        WorkInstruction.class, DerivationRules::deviated),
                new Rule<>(RuleCodes.WI_DEVIATION, WARNING, "a deviation loosens something; else its changes stand "
                        + "outside it", Deviation.class, DerivationRules::deviation),
                new Rule<>(RuleCodes.WI_EQUIPMENT, WARNING, "equipment models are named for equipment the "
                        + "procedure uses", WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.EQUIPMENT)),
                new Rule<>(RuleCodes.WI_MATERIAL, WARNING, "part numbers are given for materials the procedure uses",
                        WorkInstruction.class, (wi, ctx) -> problems(wi, ctx, Kind.MATERIAL)));
    }

    /** The derivation's problems of one kind that no justified deviation allows. */
    private static void problems(WorkInstruction wi, RuleContext ctx, Kind kind) {
        boolean deviable = kind == Kind.LOOSENS || kind == Kind.PROFILE;
        for (Problem problem : WorkInstructions.derive(wi).problems()) {
            if (problem.kind() == kind && (!deviable || !WorkInstructions.justified(problem.deviation()))) {
                String advice = !deviable ? "" : problem.deviation() == null
                        ? "; tighten it, or write it in a deviation with its justification " + SOURCE
                        : "; " + label(problem.deviation()) + " gives no justification";
                ctx.report(problem.element(), problem.feature(), problem.message() + advice);
            }
        }
    }

    private static void deviated(WorkInstruction wi, RuleContext ctx) {
        for (Problem problem : WorkInstructions.derive(wi).problems()) {
            if ((problem.kind() == Kind.LOOSENS || problem.kind() == Kind.PROFILE)
                    && WorkInstructions.justified(problem.deviation())) {
                ctx.report(problem.element(), problem.feature(), "allowed by " + label(problem.deviation()) + " ("
                        + problem.deviation().getJustification() + "): " + problem.message());
            }
        }
        standard(wi, ctx, true);
    }

    /**
     * The standard's findings on the effective procedure that the instruction causes (the base's own are the base's
     * to fix), on the change that causes them: errors, or with {@code deviated} those a deviation's change causes.
     */
    private static void standard(WorkInstruction wi, RuleContext ctx, boolean deviated) {
        Derivation derivation = WorkInstructions.derive(wi);
        if (derivation.effective() == null) {
            return;
        }
        RuleChecker checker = new RuleChecker(ctx.settings());
        Set<String> inherited = new HashSet<>();
        for (Finding finding : checker.check(wi.getBase())) {
            EObject copy = derivation.copies().get(finding.element());
            if (copy != null) {
                inherited.add(key(finding.code(), copy, finding.feature()));
            }
        }
        for (Finding finding : checker.check(derivation.effective())) {
            if (inherited.contains(key(finding.code(), finding.element(), finding.feature()))) {
                continue;
            }
            Change cause = derivation.cause(finding.element(), finding.feature());
            Deviation deviation = cause != null && cause.eContainer() instanceof Deviation d
                    && WorkInstructions.justified(d) ? d : null;
            if (deviated != (deviation != null) || !deviated && finding.severity() != Severity.ERROR) {
                continue;
            }
            EObject where = wi;
            EStructuralFeature feature = NAMED_ELEMENT__NAME;
            Step own = derivation.origins().get(finding.element());
            if (own != null) {
                where = own;
                feature = finding.feature();
            } else if (cause != null) {
                where = cause;
                feature = null;
            }
            String message = "the effective procedure breaks [" + finding.code() + "] " + finding.message();
            ctx.report(where, feature, deviation == null ? message
                    : "allowed by " + label(deviation) + " (" + deviation.getJustification() + "): " + message);
        }
    }

    private static void deviation(Deviation deviation, RuleContext ctx) {
        if (!(deviation.eContainer() instanceof WorkInstruction wi)) {
            return;
        }
        Derivation derivation = WorkInstructions.derive(wi);
        if (derivation.effective() == null) {
            return;
        }
        boolean loosens = derivation.problems().stream().anyMatch(p -> p.deviation() == deviation
                && (p.kind() == Kind.LOOSENS || p.kind() == Kind.PROFILE));
        if (!loosens && !breaksStandard(derivation, deviation, new RuleChecker(ctx.settings()))) {
            ctx.report(deviation, DEVIATION__CHANGES, label(deviation) + " loosens nothing of "
                    + wi.getBase().getName() + " or the standard: write its changes outside the deviation");
        }
    }

    private static boolean breaksStandard(Derivation derivation, Deviation deviation, RuleChecker checker) {
        for (Finding finding : checker.check(derivation.effective())) {
            Change cause = derivation.cause(finding.element(), finding.feature());
            if (cause != null && cause.eContainer() == deviation) {
                return true;
            }
        }
        return false;
    }

    private static String label(Deviation deviation) {
        return deviation.getName() == null ? "the deviation" : "deviation " + deviation.getName();
    }

    private static String key(String code, EObject element, EStructuralFeature feature) {
        return code + "@" + System.identityHashCode(element) + "/" + (feature == null ? "" : feature.getName());
    }
}
