/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.benchwright.dsl.EffectiveProcedureText;
import org.benchwright.dsl.ProcedureSources;
import org.benchwright.model.Procedure;
import org.benchwright.report.ControlledCopy;
import org.benchwright.report.ReportFiles;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * "Print Controlled Copy..." on a procedure file: the procedure or work instruction at the caret (else the file's
 * first), as the bench runs it, to a PDF/A file: a controlled copy when its revision is approved, a draft copy
 * otherwise. Document control is the bench's: the register its preferences name, or the plant store's.
 */
public final class PrintControlledCopyHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof BenchwrightEditor editor)) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        Procedure procedure = procedureAt(editor);
        if (procedure == null) {
            MessageDialog.openInformation(shell, "Print Controlled Copy", "This file declares no procedure or work "
                    + "instruction that loads (check its problems).");
            return null;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Print a controlled copy of " + procedure.getName());
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] { "*.pdf" });
        dialog.setFileName(procedure.getName() + ".pdf");
        String chosen = dialog.open();
        if (chosen != null) {
            String said = print(procedure, Path.of(chosen));
            MessageDialog.openInformation(shell, "Print Controlled Copy", said + (editor.isDirty()
                    ? "\n\nThe file has unsaved changes: the copy shows the text as saved." : ""));
        }
        return null;
    }

    /** The procedure or work instruction of the editor's file at its caret, else the file's first; or none. */
    public static Procedure procedureAt(BenchwrightEditor editor) {
        IFile file = editor.file();
        if (file == null) {
            return null;
        }
        URI uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
        List<Procedure> here = ProjectProcedures.of(file.getProject()).stream().filter(p -> uri.equals(
                ProcedureSources.file(p))).toList();
        int caret = editor.viewer() == null ? 0 : editor.viewer().getSelectedRange().x;
        for (Procedure p : here) {
            EObject written = p.getInstruction() != null ? p.getInstruction() : p;
            ICompositeNode node = NodeModelUtils.findActualNodeFor(written);
            if (node != null && caret >= node.getOffset() && caret <= node.getEndOffset()) {
                return p;
            }
        }
        return here.isEmpty() ? null : here.get(0);
    }

    /** Writes the copy of {@code procedure} to {@code target}; what happened, in a sentence. */
    public static String print(Procedure procedure, Path target) {
        try {
            String revision = WorkInstructions.revision(procedure);
            ControlledCopy.Document document = ControlledCopy.Document.of(procedure.getName(), procedure.getTitle()
                    == null ? procedure.getName() : procedure.getTitle(), revision, ProcedureSources.hash(procedure),
                    procedure.getInstruction() != null ? EffectiveProcedureText.of(procedure.getInstruction())
                            : ProcedureSources.text(procedure), BenchPlant.documents());
            long size = ReportFiles.write(target, out -> ControlledCopy.write(document, false, Instant.now(),
                    ZoneId.systemDefault(), out));
            return (document.approved() ? "Controlled copy" : "Copy marked " + document.status().toUpperCase(
                    Locale.ROOT) + " (" + document.why() + ")") + " of "
                    + procedure.getName() + " revision " + revision + " written to " + target + String.format(
                            Locale.ROOT, " (%.0f KB)", size / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "The copy of " + procedure.getName() + " cannot be written to " + target + ": " + e.getMessage();
        }
    }
}
