package dev.idflow.emit.opa;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.emit.OutputException;
import dev.idflow.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OPA bundle: {@code .manifest}, {@code idflow/data.json}, the fixed
 * {@code idflow/authz.rego}, the generated {@code idflow/authz_test.rego}, and all four in
 * {@code bundle.tar.gz}. Written whenever the target is selected: OPA decides for every
 * credential of every identity, whatever its issuer.
 */
public final class OpaEmitter implements Emitter {

    public static final String MANIFEST = ".manifest";
    public static final String DATA = "idflow/data.json";
    public static final String AUTHZ = "idflow/authz.rego";
    public static final String AUTHZ_TEST = "idflow/authz_test.rego";
    public static final String BUNDLE = "opa/bundle.tar.gz";
    /** Where the bundle's files are written, besides the archive. */
    private static final String FOLDER = "opa/";

    @Override
    public String target() {
        return "opa";
    }

    @Override
    public String schema(String path) {
        return switch (path) {
            case FOLDER + MANIFEST -> "opa-manifest";
            case FOLDER + DATA -> "opa-data";
            default -> null;
        };
    }

    /**
     * Puts the four bundle files, the two large ones written as they are made, then the
     * archive of them: its entries are the same bytes, read back, named relative to the bundle
     * root.
     */
    @Override
    public void emit(EmitInput input, FileSink out) throws OutputException {
        OpaData data = OpaData.of(input.policy(), input.revision());
        out.put(GeneratedFile.json(FOLDER + MANIFEST, manifest(input.revision())));
        out.put(GeneratedFile.adopt(FOLDER + AUTHZ, authzRego()));
        AuthzTests.write(data, out.open(FOLDER + AUTHZ_TEST));
        data.stream(FOLDER + DATA, out);
        Bundle.write(out, FOLDER, List.of(MANIFEST, AUTHZ, AUTHZ_TEST, DATA), BUNDLE);
    }

    private static ObjectNode manifest(String revision) {
        ObjectNode m = Json.object();
        m.put("revision", revision);
        m.putArray("roots").add("idflow");
        m.put("rego_version", 1);
        return m;
    }

    /** The fixed decision code, a class-path resource. */
    public static byte[] authzRego() {
        try (InputStream in = OpaEmitter.class.getResourceAsStream("authz.rego")) {
            if (in == null) {
                throw new IllegalStateException("authz.rego is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
