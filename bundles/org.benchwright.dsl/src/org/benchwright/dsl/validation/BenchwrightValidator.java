/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.validation;

import org.benchwright.rules.Finding;
import org.benchwright.rules.RuleChecker;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Reports the IPC rules (org.benchwright.rules) on the elements of a procedure file: each finding becomes an issue
 * whose code is the rule's code and whose data, when the rule knows one, is the value that fixes it.
 */
public class BenchwrightValidator extends AbstractBenchwrightValidator {

    @Inject
    private RuleChecker rules;

    @Check
    public void checkRules(EObject element) {
        for (Finding finding : rules.checkOnly(element)) {
            if (finding.element().eResource() != element.eResource()) {
                continue;
            }
            String[] data = finding.fix() == null ? new String[0] : new String[] { finding.fix() };
            switch (finding.severity()) {
            case ERROR -> error(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            case WARNING -> warning(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            default -> info(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            }
        }
    }
}
