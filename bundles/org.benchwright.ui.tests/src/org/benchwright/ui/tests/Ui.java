/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/** What the UI tests share: waiting on the event loop, and screenshots of the workbench window. */
final class Ui {

    private Ui() {
    }

    /** Runs the event loop until {@code condition} holds; fails after {@code seconds}. */
    static void waitFor(String what, double seconds, BooleanSupplier condition) {
        waitFor(() -> what, seconds, condition);
    }

    /** As {@link #waitFor(String, double, BooleanSupplier)}, saying at the end what it waited for and what it saw. */
    static void waitFor(java.util.function.Supplier<String> what, double seconds, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + what.get());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
    }

    /** Lets pending UI work run for a moment. */
    static void settle(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        waitFor("the UI to settle", seconds + 5, () -> System.nanoTime() > end);
    }

    /** Gives the workbench window the whole screen, as a bench PC would (Xvfb has no window manager to maximise). */
    static void fillTheScreen() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
        settle(0.2);
    }

    /** Saves the workbench window as {@code target/screenshots/<name>.png}; returns the file. */
    static Path screenshot(String name) throws IOException {
        settle(0.3);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
