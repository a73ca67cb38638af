package io.portcullis.adapters.security.jwt;

import com.auth0.jwt.algorithms.Algorithm;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The JWS algorithms tokens may be signed with (RFC 7518), each with what its keys must be. The
 * configured one is the whole allow-list: a token whose header names any other, {@code none}
 * included, is refused before its signature is looked at.
 */
public enum JwsAlgorithm {
    HS256(Family.HMAC, 32, null, 0),
    HS384(Family.HMAC, 48, null, 0),
    HS512(Family.HMAC, 64, null, 0),
    RS256(Family.RSA, 2048, null, 0),
    RS384(Family.RSA, 3072, null, 0),
    RS512(Family.RSA, 4096, null, 0),
    ES256(Family.EC, 256, "P-256", 32),
    ES384(Family.EC, 384, "P-384", 48),
    ES512(Family.EC, 521, "P-521", 66);

    /** How the keys of an algorithm work. */
    public enum Family {
        /** One shared secret signs and verifies. */
        HMAC,
        /** A private key signs, its public key verifies and may be published. */
        RSA,
        EC
    }

    private final Family family;
    private final int keyBits;
    private final String curve;
    private final int coordinateBytes;

    JwsAlgorithm(Family family, int keyBits, String curve, int coordinateBytes) {
        this.family = family;
        this.keyBits = keyBits;
        this.curve = curve;
        this.coordinateBytes = coordinateBytes;
    }

    public static Optional<JwsAlgorithm> named(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public Family family() {
        return family;
    }

    public boolean asymmetric() {
        return family != Family.HMAC;
    }

    /**
     * For HMAC the shortest secret in bytes (RFC 7518 3.2: as long as the hash); for RSA the size of
     * generated keys in bits (2048 is the least accepted for any of them); for EC the curve's size.
     */
    int keyBits() {
        return keyBits;
    }

    /** The JWK {@code crv} of EC algorithms ({@code P-256}...); null for the others. */
    String curve() {
        return curve;
    }

    /** The length of an EC coordinate in a JWK ({@code x}, {@code y}), in bytes. */
    int coordinateBytes() {
        return coordinateBytes;
    }

    /** The JDK's name of the EC curve: {@code secp256r1}... */
    String jdkCurve() {
        return "secp" + keyBits + "r1";
    }

    String hashName() {
        return "SHA-" + name().substring(2);
    }

    Algorithm hmac(byte[] secret) {
        return switch (this) {
            case HS256 -> Algorithm.HMAC256(secret);
            case HS384 -> Algorithm.HMAC384(secret);
            case HS512 -> Algorithm.HMAC512(secret);
            default -> throw new IllegalStateException(name() + " is not an HMAC algorithm");
        };
    }

    /** Verifies only when {@code privateKey} is null. */
    Algorithm rsa(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        return switch (this) {
            case RS256 -> Algorithm.RSA256(publicKey, privateKey);
            case RS384 -> Algorithm.RSA384(publicKey, privateKey);
            case RS512 -> Algorithm.RSA512(publicKey, privateKey);
            default -> throw new IllegalStateException(name() + " is not an RSA algorithm");
        };
    }

    /** Verifies only when {@code privateKey} is null. */
    Algorithm ec(ECPublicKey publicKey, ECPrivateKey privateKey) {
        return switch (this) {
            case ES256 -> Algorithm.ECDSA256(publicKey, privateKey);
            case ES384 -> Algorithm.ECDSA384(publicKey, privateKey);
            case ES512 -> Algorithm.ECDSA512(publicKey, privateKey);
            default -> throw new IllegalStateException(name() + " is not an EC algorithm");
        };
    }

    /** The names, for messages: {@code HS256, HS384, ...}. */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
