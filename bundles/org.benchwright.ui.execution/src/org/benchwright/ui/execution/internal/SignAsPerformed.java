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
import java.util.Arrays;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.store.PlantStore;
import org.benchwright.store.RecordSigning;
import org.benchwright.store.StoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;

/**
 * The technician's electronic signature of a finished job's record, meaning performed, given at the bench: the person
 * signed in there (who must be the one who ran the job) types their PIN or password, and the plant store keeps the
 * signature beside the record, which it must hold as the bench wrote it.
 */
final class SignAsPerformed {

    private SignAsPerformed() {
    }

    /** Asks for the PIN or password (masked); {@code null} when the person cancels. */
    static char[] ask(Shell shell) {
        InputDialog ask = new InputDialog(shell, "Sign as performed", "Your PIN or password: it signs the record of "
                + "the job you ran, as performed, in the plant store.", "", null) {
            @Override
            protected int getInputTextStyle() {
                return super.getInputTextStyle() | SWT.PASSWORD;
            }
        };
        return ask.open() == Window.OK ? ask.getValue().toCharArray() : null;
    }

    /**
     * Signs {@code record} as the person of {@code session}, with {@code secret} (wiped afterwards); says what
     * happened: "Signed: performed by ..." or "Not signed: " and why.
     */
    static String sign(Session session, Path record, char[] secret) {
        try {
            if (record == null) {
                return "Not signed: no finished job";
            }
            if (session == null) {
                return "Not signed: sign in at the bench first (the plant store keeps accounts: "
                        + (BenchPlant.accounts() == null ? "no" : "yes") + ")";
            }
            PlantStore store = BenchPlant.store();
            RecordSigning.Subject subject = RecordSigning.check(store, session.person(), Meaning.PERFORMED, record);
            ESignature signature = RecordSigning.sign(store, BenchPlant.accounts(), session, secret,
                    Meaning.PERFORMED, subject);
            return "Signed: " + signature.describe();
        } catch (AccessDeniedException e) {
            return "Not signed: " + e.getMessage();
        } catch (IOException | StoreException e) {
            return "Not signed: the plant store cannot be reached: " + e.getMessage();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
