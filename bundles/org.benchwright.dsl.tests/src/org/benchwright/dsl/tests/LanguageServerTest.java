/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.benchwright.dsl.ide.server.BenchwrightLanguageServer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An editor's session with the language server over the protocol: what a user of any LSP editor sees. */
class LanguageServerTest {

    private static String URI;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private Thread serving;
    private PipedOutputStream toServer;
    private List<String> legend;

    @BeforeEach
    void connect(@TempDir Path workspace) throws Exception {
        // Each language injector loads its own grammar, and the last one set up registers the file extension
        // globally. The tests' own injector must exist before the server's, or the server's files would be parsed
        // with one grammar and completed with another's (content assist then finds no rule for the elements).
        Language.INJECTOR.hashCode();
        URI = workspace.resolve("bench.bw").toUri().toString();
        toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedOutputStream fromServer = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 16);
        serving = new Thread(() -> {
            try {
                BenchwrightLanguageServer.serve(serverIn, fromServer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "language server");
        serving.setDaemon(true);
        serving.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "bench")));
        init.setRootUri(workspace.toUri().toString());
        var capabilities = server.initialize(init).get(30, TimeUnit.SECONDS).getCapabilities();
        assertNotNull(capabilities.getCompletionProvider());
        legend = capabilities.getSemanticTokensProvider() == null ? List.of()
                : capabilities.getSemanticTokensProvider().getLegend().getTokenTypes();
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void disconnect() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        toServer.close();
        serving.join(10_000);
    }

    private List<Diagnostic> open(String text) throws InterruptedException {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "benchwright", 1, text)));
        PublishDiagnosticsParams params;
        do {
            params = published.poll(30, TimeUnit.SECONDS);
            assertNotNull(params, "no diagnostics published within 30 s");
        } while (!params.getUri().equals(URI));
        return params.getDiagnostics();
    }

    @Test
    void publishesRuleDiagnosticsAndOffersTheirFix() throws Exception {
        String text = Language.bench().replace("ramp to 150 C at 1 C/s", "ramp to 150 C at 4 C/s");
        List<Diagnostic> diagnostics = open(text);
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        Diagnostic ramp = diagnostics.get(0);
        assertEquals("BW-RAMP-UP", ramp.getCode().getLeft());
        assertEquals("J-STD-020 Table 5-2: ramp-up 4 °C/s exceeds 3 °C/s", ramp.getMessage().getLeft());
        int line = (int) text.lines().takeWhile(l -> !l.contains("at 4 C/s")).count();
        assertEquals(line, ramp.getRange().getStart().getLine());

        List<?> actions = server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                ramp.getRange(), new CodeActionContext(List.of(ramp)))).get(30, TimeUnit.SECONDS);
        CodeAction fix = ((org.eclipse.lsp4j.jsonrpc.messages.Either<?, CodeAction>) actions.get(0)).getRight();
        assertEquals("Change to 3 C/s (BW-RAMP-UP)", fix.getTitle());
        TextEdit edit = fix.getEdit().getChanges().get(URI).get(0);
        assertEquals("3 C/s", edit.getNewText());
        assertEquals(ramp.getRange(), edit.getRange());
    }

    @Test
    void completesKeywordsAndReferences() throws Exception {
        String text = Language.bench();
        open(text);
        assertTrue(complete(text, "    skill ", "expert").containsAll(List.of("expert", "advanced", "intermediate")));
        assertTrue(complete(text, "heat reflow with ", "BGA_SAC305").containsAll(List.of("BGA_SAC305", "QFP_SAC305")));
    }

    /** Completion proposals right after {@code before} on the first line containing it. */
    private List<String> complete(String text, String before, String expected) throws Exception {
        String[] lines = text.split("\\n", -1);
        int line = 0;
        while (!lines[line].contains(before)) {
            line++;
        }
        int column = lines[line].indexOf(before) + before.length();
        var result = server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, column)))
                .get(30, TimeUnit.SECONDS);
        List<String> labels = result.isLeft() ? result.getLeft().stream().map(CompletionItem::getLabel).toList()
                : result.getRight().getItems().stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.contains(expected), () -> "proposals after '" + before + "': " + labels);
        return labels;
    }

    @Test
    void hoverTellsWhatAReferenceIs() throws Exception {
        String text = Language.bench();
        open(text);
        String[] lines = text.split("\\n", -1);
        int line = 0;
        while (!lines[line].contains("heat reflow with BGA_SAC305")) {
            line++;
        }
        int column = lines[line].indexOf("BGA_SAC305") + 3;
        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(line, column))).get(30, TimeUnit.SECONDS);
        String shown = hover.getContents().getRight().getValue();
        assertEquals("**thermal profile 'BGA_SAC305'**: for SAC305: peak 235 °C .. 245 °C, above liquidus 60 s .. 90 s, "
                + "5 segments", shown);
    }

    @Test
    void highlightsQuantitiesNamesReferencesAndTradeWords() throws Exception {
        String text = Language.bench();
        open(text);
        SemanticTokens tokens = server.getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(URI))).get(30, TimeUnit.SECONDS);
        List<String> types = legend;
        java.util.Map<String, java.util.Set<String>> byText = new java.util.HashMap<>();
        String[] lines = text.split("\\n", -1);
        List<Integer> data = tokens.getData();
        int line = 0;
        int column = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
            String word = lines[line].substring(column, Math.min(lines[line].length(), column + data.get(i + 2)));
            byText.computeIfAbsent(word, w -> new java.util.TreeSet<>()).add(types.get(data.get(i + 3)));
        }
        // a quantity's number and unit are both numbers; a name is a type where declared, a variable where used
        assertEquals(java.util.Set.of("number"), byText.get("235"), byText.toString());
        assertEquals(java.util.Set.of("number"), byText.get("C/s"), byText.toString());
        assertEquals(java.util.Set.of("type", "variable"), byText.get("BGA_SAC305"), byText.toString());
        assertEquals(java.util.Set.of("type", "variable"), byText.get("Wire305"), byText.toString());
        assertEquals(java.util.Set.of("enumMember"), byText.get("expert"), byText.toString());
    }

    @Test
    void outlinesTheFileAsSymbols() throws Exception {
        open(Language.bench());
        var symbols = server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))).get(30, TimeUnit.SECONDS);
        List<String> names = symbols.stream()
                .map(e -> e.isLeft() ? e.getLeft().getName() : e.getRight().getName()).toList();
        assertTrue(names.containsAll(List.of("bench", "bench.SAC305", "bench.BGA_SAC305", "bench.bga-rework")),
                names.toString());
    }

    @Test
    void aChangedProfileReChecksTheProceduresThatHeatWithIt() throws Exception {
        Path library = Path.of("../org.benchwright.library/library");
        String profilesUri = null;
        String bgaUri = null;
        for (String file : List.of("materials/alloys.bw", "materials/materials.bw", "equipment/equipment.bw",
                "profiles/profiles.bw", "procedures/bga.bw")) {
            String uri = library.resolve(file).toAbsolutePath().normalize().toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri,
                    "benchwright", 1, Files.readString(library.resolve(file)))));
            profilesUri = file.startsWith("profiles") ? uri : profilesUri;
            bgaUri = file.startsWith("procedures") ? uri : bgaUri;
        }
        String bga = bgaUri;
        assertEquals(List.of(), diagnosticsOf(bga, d -> true, true), "the library's BGA procedures are clean");

        // the engineer raises the profile's peak window: lead-free BGA rework allows at most 245 °C
        String profiles = Files.readString(library.resolve("profiles/profiles.bw"));
        int at = profiles.indexOf("reflow peak 235 C .. 245 C", profiles.indexOf("profile BGA_SAC305 "));
        Position start = position(profiles, at + "reflow peak 235 C .. ".length());
        Position end = position(profiles, at + "reflow peak 235 C .. 245".length());
        published.clear();
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(profilesUri, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(start, end), "255"))));
        List<Diagnostic> found = diagnosticsOf(bga, d -> "BW-PEAK-LF-BGA".equals(d.getCode().getLeft()), false);
        assertTrue(found.size() >= 2, found.toString());
        assertTrue(found.get(0).getMessage().getLeft().contains("BGA_SAC305"), found.get(0).getMessage().getLeft());
    }

    /**
     * Waits for diagnostics of {@code uri} with at least one that {@code wanted} accepts, or with none at all when
     * {@code clean} may be the answer; gives those {@code wanted} accepts.
     */
    private List<Diagnostic> diagnosticsOf(String uri, java.util.function.Predicate<Diagnostic> wanted, boolean clean)
            throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams params = published.poll(30, TimeUnit.SECONDS);
            assertNotNull(params, "no diagnostics of " + uri + " published within 30 s");
            if (params.getUri().equals(uri)) {
                List<Diagnostic> matching = params.getDiagnostics().stream().filter(wanted).toList();
                if (!matching.isEmpty() || clean && params.getDiagnostics().isEmpty()) {
                    return matching;
                }
            }
        }
    }

    private static Position position(String text, int offset) {
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }

}
