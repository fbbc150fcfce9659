package com.aftersales.dispatch.attachment;

import com.aftersales.dispatch.Api;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Photo uploads from a technician's phone: sniffed, limited, stored in PostgreSQL, seen only by their owner and staff. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@TestPropertySource(properties = "aftersales.dispatch.attachments.max-size=64KB")
class AttachmentIT {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> send(HttpRequest.Builder request, com.aftersales.devidentity.DevUser user) throws Exception {
        return http.send(request.header("Authorization", TestIdentity.bearer(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(byte[] content, String declaredType, com.aftersales.devidentity.DevUser user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attachments"))
                .header("Content-Type", declaredType).POST(HttpRequest.BodyPublishers.ofByteArray(content)), user);
    }

    @Test
    void anImageIsStoredByItsContentAndHandedBackOnlyToItsOwnerAndStaff() throws Exception {
        var technician = TestIdentity.technician(UUID.randomUUID());
        HttpResponse<byte[]> stored = upload(PNG, "application/octet-stream", technician);
        assertThat(stored.statusCode()).as(new String(stored.body())).isEqualTo(201);
        var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored.body());
        String id = body.path("id").asString();
        assertThat(body.path("mediaType").asString()).as("sniffed, not declared").isEqualTo("image/png");
        assertThat(body.path("reference").asString()).isEqualTo("attachment:" + id);
        assertThat(stored.headers().firstValue("Location")).hasValue("/api/attachments/" + id);

        HttpResponse<byte[]> retried = upload(PNG, "image/png", technician);
        assertThat(new String(retried.body())).as("the same bytes again: the first upload").contains(id);

        HttpResponse<byte[]> back = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attachments/" + id)), technician);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(back.body()).isEqualTo(PNG);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attachments/" + id)),
                TestIdentity.SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attachments/" + id)),
                TestIdentity.technician(UUID.randomUUID())).statusCode()).as("another technician").isEqualTo(404);
    }

    @Test
    void somethingThatIsNotAnImageOrTooLargeIsRefusedWithAProblem() throws Exception {
        var technician = TestIdentity.technician(UUID.randomUUID());
        HttpResponse<byte[]> script = upload("<script>alert(1)</script>".getBytes(), "image/png", technician);
        assertThat(script.statusCode()).isEqualTo(415);
        assertThat(new String(script.body())).contains("urn:aftersales:problem:attachment-not-an-image")
                .contains(AttachmentService.RULE_IMAGE_ONLY);

        byte[] large = Arrays.copyOf(PNG, 64 * 1024 + 1);
        HttpResponse<byte[]> tooLarge = upload(large, "image/png", technician);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(new String(tooLarge.body())).contains("urn:aftersales:problem:attachment-too-large");

        assertThat(upload(new byte[0], "image/png", technician).statusCode()).isEqualTo(400);
        assertThat(upload(PNG, "image/png", TestIdentity.AGENT).statusCode()).as("agents do not upload").isEqualTo(403);
    }

    @Test
    void imageTypesAreToldByTheirFirstBytes() {
        assertThat(ImageSniffer.mediaType(PNG)).hasValue("image/png");
        assertThat(ImageSniffer.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0})).hasValue("image/jpeg");
        assertThat(ImageSniffer.mediaType("RIFF\0\0\0\0WEBPVP8 ".getBytes())).hasValue("image/webp");
        assertThat(ImageSniffer.mediaType("\0\0\0\u0018ftypheic\0\0".getBytes())).hasValue("image/heic");
        assertThat(ImageSniffer.mediaType("%PDF-1.7".getBytes())).isEmpty();
        assertThat(ImageSniffer.mediaType(new byte[] {(byte) 0xFF})).isEmpty();
    }
}
