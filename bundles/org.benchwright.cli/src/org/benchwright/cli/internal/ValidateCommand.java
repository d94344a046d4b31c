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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.cli.Command;
import org.benchwright.dsl.BenchwrightRuntimeModule;
import org.benchwright.dsl.BenchwrightStandaloneSetup;
import org.benchwright.dsl.EffectiveProcedureText;
import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.WorkInstruction;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.gson.GsonBuilder;
import com.google.inject.Injector;

/** {@code validate}: parses, links and checks procedure-language files against the IPC rules. */
public final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "[--format text|json] [--rules <file.properties>] [--effective <work instruction>] <files or folders>...";
    }

    @Override
    public String summary() {
        return "check procedure files (*.bw) against the language and the IPC rules";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String format;
        String rules;
        String effective;
        try {
            format = Arguments.take(args, "--format", "text");
            rules = Arguments.take(args, "--rules", null);
            effective = Arguments.take(args, "--effective", null);
        } catch (IllegalArgumentException e) {
            err.println("benchwright validate: " + e.getMessage());
            return UNUSABLE;
        }
        if (!format.equals("text") && !format.equals("json") || args.isEmpty()) {
            err.println("usage: benchwright validate " + usage());
            return UNUSABLE;
        }
        List<String> unreadable = new ArrayList<>();
        List<Path> files = LanguageFiles.collect(args, unreadable);
        if (rules != null) {
            System.setProperty(BenchwrightRuntimeModule.RULE_SETTINGS_PROPERTY, rules);
        }
        Map<Path, List<FileDiagnostic>> report;
        try {
            Checked checked = check(files);
            report = checked.report();
            if (effective != null) {
                WorkInstruction instruction = instruction(checked.resources(), effective);
                if (instruction == null) {
                    err.println("benchwright validate: no work instruction '" + effective + "' in " + args);
                    return UNUSABLE;
                }
                out.print(EffectiveProcedureText.of(instruction));
            }
        } catch (IllegalStateException e) {
            err.println("benchwright validate: rule settings " + e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("benchwright validate: " + e.getMessage());
            return UNUSABLE;
        }
        List<FileDiagnostic> all = report.values().stream().flatMap(List::stream).toList();
        long errors = all.stream().filter(d -> d.severity().equals("error")).count();
        long warnings = all.stream().filter(d -> d.severity().equals("warning")).count();
        if (format.equals("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("files", files.size());
            json.put("errors", errors);
            json.put("warnings", warnings);
            json.put("unreadable", unreadable);
            json.put("diagnostics", all);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
        } else {
            all.forEach(out::println);
            out.println(files.size() + " file(s) checked: " + errors + " error(s), " + warnings + " warning(s)");
        }
        unreadable.forEach(err::println);
        return !unreadable.isEmpty() ? UNUSABLE : errors > 0 ? FINDINGS : OK;
    }

    private static WorkInstruction instruction(List<Resource> resources, String name) {
        for (Resource resource : resources) {
            for (EObject root : resource.getContents()) {
                if (root instanceof Library library) {
                    for (NamedElement element : library.getElements()) {
                        if (element instanceof WorkInstruction wi && name.equals(wi.getName())) {
                            return wi;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** What was loaded and what validation said of each file. */
    record Checked(Map<Path, List<FileDiagnostic>> report, List<Resource> resources) {
    }

    static Map<Path, List<FileDiagnostic>> validate(List<Path> files) throws IOException {
        return check(files).report();
    }

    /** Loads every file into one resource set, so references between them resolve, then validates each. */
    static Checked check(List<Path> files) throws IOException {
        Injector injector = new BenchwrightStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        set.getLoadOptions().put(XtextResource.OPTION_ENCODING, "UTF-8");
        Map<Path, List<FileDiagnostic>> report = new LinkedHashMap<>();
        Map<Path, Resource> resources = new LinkedHashMap<>();
        for (Path file : files) {
            List<FileDiagnostic> diagnostics = new ArrayList<>();
            report.put(file, diagnostics);
            if (!LanguageFiles.isText(file)) {
                diagnostics.add(new FileDiagnostic(file.toString(), 1, 1, "error", "BW-NOT-TEXT",
                        "not a procedure file: binary content or not UTF-8 text"));
                continue;
            }
            resources.put(file, set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true));
        }
        LanguageIndex.install(injector, set, new ArrayList<>(resources.values()));
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        for (Map.Entry<Path, Resource> entry : resources.entrySet()) {
            for (Issue issue : validator.validate(entry.getValue(), CheckMode.ALL, CancelIndicator.NullImpl)) {
                report.get(entry.getKey()).add(toDiagnostic(entry.getKey(), issue));
            }
        }
        return new Checked(report, List.copyOf(resources.values()));
    }

    private static FileDiagnostic toDiagnostic(Path file, Issue issue) {
        return new FileDiagnostic(file.toString(), issue.getLineNumber() == null ? 1 : issue.getLineNumber(),
                issue.getColumn() == null ? 1 : issue.getColumn(), issue.getSeverity().name().toLowerCase(),
                code(issue), issue.getMessage());
    }

    /** Our rules keep their codes; Xtext's own checks get short ones a user can look up. */
    private static String code(Issue issue) {
        String code = issue.getCode();
        if (code != null && code.startsWith("BW-")) {
            return code;
        }
        if (issue.isSyntaxError() || Diagnostic.SYNTAX_DIAGNOSTIC.equals(code)) {
            return "BW-SYNTAX";
        }
        if (Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
            return "BW-UNRESOLVED";
        }
        if (code != null && (code.startsWith("org.benchwright.model") || code.startsWith("org.eclipse.emf"))) {
            return "BW-MODEL";
        }
        return "BW-CHECK";
    }
}
