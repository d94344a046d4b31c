/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.cli.Command;
import org.benchwright.dsl.BenchwrightStandaloneSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Injector;

/**
 * {@code benchmark}: generates a library of the requested size and measures parse, link and validate separately,
 * each also as a multiple of reading the same files (the baseline of the same run).
 */
public final class BenchmarkCommand implements Command {

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String usage() {
        return "[--lines N] [--keep <folder>]";
    }

    @Override
    public String summary() {
        return "measure parse, link and validate on a generated library (default 200000 lines)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new java.util.ArrayList<>(args);
        int lines;
        Path folder;
        try {
            lines = (int) Arguments.number(rest, "--lines", 200_000);
            String keep = Arguments.take(rest, "--keep", null);
            folder = keep == null ? null : Path.of(keep);
            if (!rest.isEmpty() || lines < 1) {
                throw new IllegalArgumentException("usage: benchwright benchmark " + usage());
            }
        } catch (IllegalArgumentException e) {
            err.println("benchwright benchmark: " + e.getMessage());
            return UNUSABLE;
        }
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("benchwright-benchmark");
            }
            List<Path> files = LibraryGenerator.generate(folder, lines);
            measure(files, out);
            out.println("library: " + folder);
            return OK;
        } catch (IOException e) {
            err.println("benchwright benchmark: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static void measure(List<Path> files, PrintStream out) throws IOException {
        long t = System.nanoTime();
        long lines = 0;
        for (Path file : files) {
            lines += new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().count();
        }
        double read = seconds(t);

        t = System.nanoTime();
        Injector injector = new BenchwrightStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        set.getLoadOptions().put(XtextResource.OPTION_ENCODING, "UTF-8");
        double setup = seconds(t);

        t = System.nanoTime();
        List<Resource> resources = new ArrayList<>();
        for (Path file : files) {
            resources.add(set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true));
        }
        LanguageIndex.install(injector, set, resources);
        double parse = seconds(t);

        t = System.nanoTime();
        EcoreUtil.resolveAll(set);
        double link = seconds(t);

        t = System.nanoTime();
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        long issues = 0;
        for (Resource resource : resources) {
            issues += validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).size();
        }
        double validate = seconds(t);

        out.printf(Locale.ROOT, "files %d, lines %d, issues found %d%n", files.size(), lines, issues);
        out.printf(Locale.ROOT, "%-12s %8s %14s %14s%n", "phase", "seconds", "lines/second", "x read time");
        row(out, "read", read, lines, read);
        row(out, "setup", setup, lines, read);
        row(out, "parse+index", parse, lines, read);
        row(out, "link", link, lines, read);
        row(out, "validate", validate, lines, read);
        row(out, "total", setup + parse + link + validate, lines, read);
    }

    private static void row(PrintStream out, String phase, double seconds, long lines, double baseline) {
        out.printf(Locale.ROOT, "%-12s %8.2f %14.0f %14.1f%n", phase, seconds, lines / seconds, seconds / baseline);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
