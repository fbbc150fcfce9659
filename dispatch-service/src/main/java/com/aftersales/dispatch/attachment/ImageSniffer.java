package com.aftersales.dispatch.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image type of some bytes by their signature ("magic number"), whatever the file claims to be. */
final class ImageSniffer {

    private ImageSniffer() {
    }

    static Optional<String> mediaType(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(content, 0, "GIF87a") || ascii(content, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(content, 0, "RIFF") && ascii(content, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        // ISO base media file: "ftyp" at offset 4, then the brand (phones' HEIC/HEIF photos).
        if (ascii(content, 4, "ftyp") && content.length >= 12) {
            String brand = new String(Arrays.copyOfRange(content, 8, 12), StandardCharsets.US_ASCII);
            if (brand.equals("heic") || brand.equals("heix") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of("image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] content, int offset, String text) {
        return startsWith(content, offset, text.chars().toArray());
    }
}
