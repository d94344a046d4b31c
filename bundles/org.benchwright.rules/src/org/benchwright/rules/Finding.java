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

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * What a rule found on one element: its stable code, how much it matters, where (element and, when known, the
 * feature), and a message that names the rule's source.
 *
 * @param fix a replacement value for {@code feature} that resolves the finding, as text in the language, or
 *            {@code null} when no fix is obvious
 */
public record Finding(String code, Severity severity, EObject element, EStructuralFeature feature, String message,
        String fix) {

    @Override
    public String toString() {
        return severity.label() + " [" + code + "] " + message;
    }
}
