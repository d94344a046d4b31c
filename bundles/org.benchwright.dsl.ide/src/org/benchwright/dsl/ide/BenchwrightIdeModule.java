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

import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;


/** Binds the editor services of the language: content assist, hover, symbols, highlighting, code actions. */
public class BenchwrightIdeModule extends AbstractBenchwrightIdeModule {

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return BenchwrightHighlighting.class;
    }

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return BenchwrightCodeActions.class;
    }
}
