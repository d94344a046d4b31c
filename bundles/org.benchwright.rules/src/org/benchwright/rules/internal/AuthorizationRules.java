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

import static org.benchwright.model.BenchwrightPackage.Literals.NAMED_ELEMENT__NAME;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__ACTIVITY;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__CONFORMANCE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__SKILL;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.internal.ProcedureParts.steps;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchwright.model.Activity;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.ApproveStep;
import org.benchwright.model.ComponentFamily;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.SkillLevel;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;

/** Rules on who may do a procedure and on whose approval: conformance, skill, customer and ECO approvals. */
final class AuthorizationRules {

    static final Set<ComponentFamily> EXPERT_FAMILIES = EnumSet.of(ComponentFamily.BGA, ComponentFamily.CSP,
            ComponentFamily.QFN, ComponentFamily.LGA);

    private AuthorizationRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.CLASS3_CONFORMANCE, ERROR, "class 3 work requires High conformance",
                        Procedure.class, AuthorizationRules::class3Conformance),
                new Rule<>(RuleCodes.SKILL_AREA_ARRAY, ERROR, "BGA/CSP and QFN/LGA work requires Expert skill",
                        Procedure.class, AuthorizationRules::expertSkill),
                new Rule<>(RuleCodes.REPAIR_APPROVAL, ERROR, "a repair has a customer or engineering approval step",
                        Procedure.class, AuthorizationRules::repairApproval),
                new Rule<>(RuleCodes.MODIFICATION_ECO, ERROR, "a modification has an ECO approval step",
                        Procedure.class, AuthorizationRules::modificationEco));
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
}
