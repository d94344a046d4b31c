/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.formatting2;

import static org.benchwright.model.BenchwrightPackage.Literals.DEVIATION__CHANGES;
import static org.benchwright.model.BenchwrightPackage.Literals.INSERTION__STEPS;
import static org.benchwright.model.BenchwrightPackage.Literals.LIBRARY__ELEMENTS;
import static org.benchwright.model.BenchwrightPackage.Literals.LIBRARY__IMPORTS;
import static org.benchwright.model.BenchwrightPackage.Literals.OPERATION__STEPS;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__OPERATIONS;
import static org.benchwright.model.BenchwrightPackage.Literals.THERMAL_PROFILE__LIMITS;
import static org.benchwright.model.BenchwrightPackage.Literals.THERMAL_PROFILE__SEGMENTS;
import static org.benchwright.model.BenchwrightPackage.Literals.THERMAL_PROFILE__SETPOINTS;
import static org.benchwright.model.BenchwrightPackage.Literals.WORK_INSTRUCTION__CHANGES;
import static org.benchwright.model.BenchwrightPackage.Literals.WORK_INSTRUCTION__DEVIATIONS;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.xbase.lib.Pair;

/**
 * Lays a file out the one way the library is written: one statement a line, blocks indented, a blank line between
 * elements, single spaces elsewhere. Statements are found from the grammar: the first keyword of each alternative of
 * a repeated choice (as in an alloy's or a procedure's body) starts a line.
 */
public class BenchwrightFormatter extends AbstractJavaFormatter {

    /** Contained elements that stand on lines of their own; any other child continues its parent's line. */
    private static final Set<EStructuralFeature> LINES = Set.of(LIBRARY__IMPORTS, LIBRARY__ELEMENTS,
            PROCEDURE__OPERATIONS, OPERATION__STEPS, THERMAL_PROFILE__SEGMENTS, THERMAL_PROFILE__SETPOINTS,
            THERMAL_PROFILE__LIMITS, WORK_INSTRUCTION__CHANGES, WORK_INSTRUCTION__DEVIATIONS, DEVIATION__CHANGES,
            INSERTION__STEPS);

    @Override
    protected void _format(EObject element, IFormattableDocument doc) {
        ISemanticRegion first = regionForEObject(element) == null ? null
                : regionForEObject(element).getPreviousHiddenRegion().getNextSemanticRegion();
        for (ISemanticRegion region : semanticRegions(element)) {
            if (region.equals(first)) {
                continue;
            }
            String text = region.getText();
            if (text.equals(",") || text.equals(".*") || text.equals(".")) {
                doc.prepend(region, this::noSpace);
            } else if (startsStatement(region)) {
                doc.prepend(region, this::newLine);
            } else {
                doc.prepend(region, this::oneSpace);
            }
        }
        for (Pair<ISemanticRegion, ISemanticRegion> braces : regionFor(element).keywordPairs("{", "}")) {
            doc.interior(braces, this::indent);
            doc.prepend(braces.getKey(), this::oneSpace);
            doc.prepend(braces.getValue(), this::newLine);
        }
        for (EObject child : element.eContents()) {
            EStructuralFeature feature = child.eContainingFeature();
            if (feature == LIBRARY__ELEMENTS) {
                doc.prepend(child, f -> f.setNewLines(2));
            } else if (feature == LIBRARY__IMPORTS) {
                doc.prepend(child, f -> f.setNewLines(child == element.eContents().get(0) ? 2 : 1));
            } else if (LINES.contains(feature)) {
                doc.prepend(child, this::newLine);
            } else {
                doc.prepend(child, this::oneSpace);
            }
            doc.format(child);
        }
    }

    /** Whether the region is the first keyword of an alternative in a repeated choice of statements. */
    private static boolean startsStatement(ISemanticRegion region) {
        if (!(region.getGrammarElement() instanceof Keyword keyword)) {
            return false;
        }
        AbstractElement unit = keyword.eContainer() instanceof Assignment assignment ? assignment : keyword;
        if (unit.eContainer() instanceof Group group && group.getElements().get(0) == unit) {
            unit = group;
        }
        if (!(unit.eContainer() instanceof Alternatives choice)) {
            return false;
        }
        // a body's statements, or those of a fragment that a body calls (MaterialFacts)
        return "*".equals(choice.getCardinality())
                || choice.eContainer() instanceof ParserRule rule && rule.isFragment();
    }
}
