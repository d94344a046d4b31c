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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;

import com.google.gson.JsonArray;

/**
 * Quick fixes: for every rule finding that knows the value resolving it (a ramp of 3 C/s, Expert skill, laser
 * instead of solvent on parylene), offers to write that value where the finding points.
 */
public class BenchwrightCodeActions implements ICodeActionService2 {

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
            String value = fix(diagnostic.getData());
            if (code != null && code.startsWith("BW-") && value != null) {
                CodeAction action = new CodeAction("Change to " + value + " (" + code + ")");
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                action.setEdit(new WorkspaceEdit(Map.of(options.getURI(),
                        List.of(new TextEdit(diagnostic.getRange(), value)))));
                actions.add(Either.forRight(action));
            }
        }
        return actions;
    }

    /** The value a rule said would fix its finding: the only element of the issue data the diagnostic carries. */
    private static String fix(Object data) {
        if (data instanceof String[] values && values.length == 1) {
            return values[0];
        }
        if (data instanceof JsonArray array && array.size() == 1 && array.get(0).isJsonPrimitive()) {
            return array.get(0).getAsString();
        }
        return null;
    }
}
