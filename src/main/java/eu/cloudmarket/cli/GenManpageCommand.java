package eu.cloudmarket.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * {@code gen-manpage --outdir DIR}: writes one AsciiDoc man page per command (cloudmarket.adoc,
 * cloudmarket-run.adoc, ...) with picocli's ManPageGenerator; {@code asciidoctor -b manpage} turns them into troff.
 * Hidden: a build and packaging step, not a user command.
 */
@Command(name = "gen-manpage", hidden = true, mixinStandardHelpOptions = true,
        description = "Write one AsciiDoc man page per command into DIR (convert with asciidoctor -b manpage).")
final class GenManpageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--outdir", paramLabel = "DIR", required = true,
            description = "Folder for the .adoc man pages; created if missing, existing pages are replaced.")
    Path outdir;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(outdir);
        CommandSpec root = spec.root();
        boolean[] quiet = {};
        boolean overwrite = true;
        int code = ManPageGenerator.generateManPage(outdir.toFile(), null, quiet, overwrite, root);
        if (code != 0) {
            throw new UncheckedIOException(new IOException("man page generation failed with code " + code));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("man pages written to " + outdir);
        return CloudMarketCli.OK;
    }
}
