/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.ide;

import java.util.Set;

import org.benchwright.model.BenchwrightPackage;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic highlighting: quantities read as numbers with their units, declared names as types, references to
 * alloys, profiles, equipment and parts as variables, and the trade's enumerated words (skill, activity, coating
 * type...) as enum members. Style ids are the Language Server Protocol's token types.
 */
public class BenchwrightHighlighting extends DefaultSemanticHighlightingCalculator {

    public static final String QUANTITY = "number";
    public static final String DECLARATION = "type";
    public static final String REFERENCE = "variable";
    public static final String TRADE_WORD = "enumMember";

    private static final Set<EClassifier> QUANTITIES = Set.of(BenchwrightPackage.Literals.TEMPERATURE,
            BenchwrightPackage.Literals.TIME_SPAN, BenchwrightPackage.Literals.RAMP_RATE, BenchwrightPackage.Literals.LENGTH,
            BenchwrightPackage.Literals.VOLUME);

    @Override
    protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
            if (!object.eIsSet(feature)) {
                continue;
            }
            if (feature instanceof EReference reference && !reference.isContainment() && !reference.isContainer()) {
                highlightAll(acceptor, object, feature, REFERENCE);
            } else if (feature instanceof EAttribute attribute) {
                EClassifier type = attribute.getEAttributeType();
                if (QUANTITIES.contains(type)) {
                    highlightAll(acceptor, object, feature, QUANTITY);
                } else if (type instanceof EEnum) {
                    highlightAll(acceptor, object, feature, TRADE_WORD);
                } else if (feature == BenchwrightPackage.Literals.NAMED_ELEMENT__NAME) {
                    highlightAll(acceptor, object, feature, DECLARATION);
                }
            }
        }
        return false;
    }

    /** Every occurrence of a feature's values: a list such as {@code materials A, B, C} has one node per value. */
    private void highlightAll(IHighlightedPositionAcceptor acceptor, EObject object, EStructuralFeature feature,
            String style) {
        for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
            highlightNode(acceptor, node, style);
        }
    }
}
