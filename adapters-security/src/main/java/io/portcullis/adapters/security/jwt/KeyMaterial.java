package io.portcullis.adapters.security.jwt;

import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key pair (or the public key alone) of one key file, checked against the configured
 * algorithm: RSA keys of at least 2048 bits for RS*, keys on the algorithm's own curve for ES*.
 */
record KeyMaterial(JwsAlgorithm algorithm, PublicKey publicKey, Optional<PrivateKey> privateKey) {

    private static final int MINIMUM_RSA_BITS = 2048;

    /** A key file did not hold a usable key; the message says what to do and never shows key bytes. */
    static final class UnusableKeyException extends Exception {
        UnusableKeyException(String message) {
            super(message);
        }
    }

    /** Reads a PEM text: a PKCS#8 {@code PRIVATE KEY} (signs and verifies) or a {@code PUBLIC KEY} (verifies). */
    static KeyMaterial fromPem(JwsAlgorithm algorithm, String pem) throws UnusableKeyException {
        List<Pem.Block> blocks = Pem.read(pem);
        Optional<Pem.Block> privateBlock = blocks.stream().filter(b -> b.label().equals(Pem.PRIVATE_KEY)).findFirst();
        Optional<Pem.Block> publicBlock = blocks.stream().filter(b -> b.label().equals(Pem.PUBLIC_KEY)).findFirst();
        if (privateBlock.isPresent()) {
            return fromPrivate(algorithm, privateBlock.get().der());
        }
        if (publicBlock.isPresent()) {
            return fromPublic(algorithm, publicBlock.get().der());
        }
        String labels = blocks.isEmpty() ? "no PEM block" : "a " + blocks.get(0).label() + " block";
        throw new UnusableKeyException("holds " + labels + "; a key file holds one unencrypted PKCS#8 \"PRIVATE KEY\""
                + " (openssl genpkey writes one; convert others with openssl pkcs8 -topk8 -nocrypt) or one"
                + " \"PUBLIC KEY\"");
    }

    /** A new key pair for the algorithm: RSA of the algorithm's size, or a key on its curve. */
    static KeyMaterial generate(JwsAlgorithm algorithm, SecureRandom random) {
        try {
            KeyPairGenerator generator;
            if (algorithm.family() == JwsAlgorithm.Family.RSA) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(algorithm.keyBits(), random);
            } else if (algorithm.family() == JwsAlgorithm.Family.EC) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(algorithm.jdkCurve()), random);
            } else {
                throw new IllegalArgumentException(algorithm + " has no key pairs");
            }
            KeyPair pair = generator.generateKeyPair();
            return new KeyMaterial(algorithm, pair.getPublic(), Optional.of(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
    }

    /** The private key as a PEM text, for a generated key's file. */
    String privatePem() {
        return Pem.write(Pem.PRIVATE_KEY, privateKey.orElseThrow().getEncoded());
    }

    /** The java-jwt algorithm that verifies with this key, and signs with it when the private key is here. */
    Algorithm jwtAlgorithm() {
        if (publicKey instanceof RSAPublicKey rsa) {
            return algorithm.rsa(rsa, (RSAPrivateKey) privateKey.orElse(null));
        }
        return algorithm.ec((ECPublicKey) publicKey, (ECPrivateKey) privateKey.orElse(null));
    }

    /** The public JWK (RFC 7517/7518) of this key under {@code kid}. */
    Map<String, Object> jwk(String kid) {
        var jwk = new LinkedHashMap<String, Object>();
        if (publicKey instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", algorithm.name());
            jwk.put("kid", kid);
            jwk.put("n", base64Url(unsigned(rsa.getModulus(), 0)));
            jwk.put("e", base64Url(unsigned(rsa.getPublicExponent(), 0)));
        } else {
            ECPublicKey ec = (ECPublicKey) publicKey;
            jwk.put("kty", "EC");
            jwk.put("use", "sig");
            jwk.put("alg", algorithm.name());
            jwk.put("kid", kid);
            jwk.put("crv", algorithm.curve());
            jwk.put("x", base64Url(unsigned(ec.getW().getAffineX(), algorithm.coordinateBytes())));
            jwk.put("y", base64Url(unsigned(ec.getW().getAffineY(), algorithm.coordinateBytes())));
        }
        return jwk;
    }

    private static KeyMaterial fromPrivate(JwsAlgorithm algorithm, byte[] der) throws UnusableKeyException {
        var spec = new PKCS8EncodedKeySpec(der);
        try {
            if (algorithm.family() == JwsAlgorithm.Family.RSA) {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                if (!(factory.generatePrivate(spec) instanceof RSAPrivateCrtKey key)) {
                    throw new UnusableKeyException("holds an RSA key without its CRT parameters; write it again with"
                            + " openssl pkcs8 -topk8 -nocrypt");
                }
                PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                return checked(algorithm, publicKey, Optional.of(key));
            }
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(spec);
            checkCurve(algorithm, key.getParams());
            PublicKey publicKey = factory.generatePublic(
                    new ECPublicKeySpec(EcPoints.publicPoint(key.getParams(), key.getS()), key.getParams()));
            return checked(algorithm, publicKey, Optional.of(key));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new UnusableKeyException("holds no " + keyNoun(algorithm) + " private key in PKCS#8 form, which "
                    + algorithm + " needs");
        }
    }

    private static KeyMaterial fromPublic(JwsAlgorithm algorithm, byte[] der) throws UnusableKeyException {
        try {
            String type = algorithm.family() == JwsAlgorithm.Family.RSA ? "RSA" : "EC";
            PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            return checked(algorithm, key, Optional.empty());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnusableKeyException("holds no " + keyNoun(algorithm) + " public key, which " + algorithm
                    + " needs");
        }
    }

    private static KeyMaterial checked(JwsAlgorithm algorithm, PublicKey key, Optional<PrivateKey> privateKey)
            throws UnusableKeyException {
        if (key instanceof RSAPublicKey rsa) {
            if (algorithm.family() != JwsAlgorithm.Family.RSA) {
                throw new UnusableKeyException("holds an RSA key, but " + algorithm + " needs " + keyKind(algorithm));
            }
            if (rsa.getModulus().bitLength() < MINIMUM_RSA_BITS) {
                throw new UnusableKeyException("holds an RSA key of " + rsa.getModulus().bitLength()
                        + " bits; at least " + MINIMUM_RSA_BITS + " are needed");
            }
        } else if (key instanceof ECPublicKey ec) {
            if (algorithm.family() != JwsAlgorithm.Family.EC) {
                throw new UnusableKeyException("holds an EC key, but " + algorithm + " needs " + keyKind(algorithm));
            }
            checkCurve(algorithm, ec.getParams());
        } else {
            throw new UnusableKeyException("holds a " + key.getAlgorithm() + " key, but " + algorithm + " needs "
                    + keyKind(algorithm));
        }
        return new KeyMaterial(algorithm, key, privateKey);
    }

    private static void checkCurve(JwsAlgorithm algorithm, ECParameterSpec params) throws UnusableKeyException {
        if (algorithm.family() != JwsAlgorithm.Family.EC) {
            throw new UnusableKeyException("holds an EC key, but " + algorithm + " needs " + keyKind(algorithm));
        }
        try {
            AlgorithmParameters expected = AlgorithmParameters.getInstance("EC");
            expected.init(new ECGenParameterSpec(algorithm.jdkCurve()));
            ECParameterSpec wanted = expected.getParameterSpec(ECParameterSpec.class);
            if (!wanted.getOrder().equals(params.getOrder()) || !wanted.getGenerator().equals(params.getGenerator())) {
                throw new UnusableKeyException("holds an EC key on another curve than " + algorithm.curve()
                        + ", which " + algorithm + " needs");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know the curve " + algorithm.curve(), e);
        }
    }

    private static String keyNoun(JwsAlgorithm algorithm) {
        return algorithm.family() == JwsAlgorithm.Family.RSA ? "RSA" : "EC " + algorithm.curve();
    }

    private static String keyKind(JwsAlgorithm algorithm) {
        return algorithm.family() == JwsAlgorithm.Family.RSA ? "an RSA key" : "an EC key on " + algorithm.curve();
    }

    /** Big-endian bytes without a sign byte, left-padded to {@code length} when it is not 0. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + algorithm + ", " + (privateKey.isPresent() ? "key pair" : "public key") + "]";
    }
}
