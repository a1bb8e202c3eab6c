package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// TokenPrefix starts every token, so that a leaked one is easy to recognise
// (and to search for in logs and repositories).
const TokenPrefix = "cop_"

// NewToken returns a new bearer token (TokenPrefix and 32 random bytes in
// unpadded base64url) and its hash, the only form a Store keeps.
func NewToken() (token string, hash [32]byte) {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (it panics first)
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashToken(token)
}

// HashToken returns the SHA-256 of a token's text. A 256-bit random token needs
// no salt or slow hash: nobody can guess one, so a hash of it cannot be
// reversed by trying.
func HashToken(token string) [32]byte { return sha256.Sum256([]byte(token)) }

// newID returns prefix and 12 random bytes in hex: "ws_5f0c...".
func newID(prefix string) string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}
