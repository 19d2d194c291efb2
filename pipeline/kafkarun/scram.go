package kafkarun

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"

	"github.com/segmentio/kafka-go/sasl"
)

// scram is a SASL SCRAM-SHA-256 or SCRAM-SHA-512 client (RFC 5802, RFC
// 7677), as Kafka implements it: no channel binding, no extensions. The user
// name and password are used as given, without SASLprep, which changes only
// non-ASCII input.
type scram struct {
	name string
	hash func() hash.Hash
	user string
	pass string
}

// minIterations is Kafka's minimum SCRAM iteration count; a server asking
// for fewer is refused.
const minIterations = 4096

// newScram returns the mechanism for name ("SCRAM-SHA-256" or
// "SCRAM-SHA-512").
func newScram(name, user, pass string) (sasl.Mechanism, error) {
	s := &scram{name: name, user: user, pass: pass}
	switch name {
	case "SCRAM-SHA-256":
		s.hash = sha256.New
	case "SCRAM-SHA-512":
		s.hash = sha512.New
	default:
		return nil, fmt.Errorf("kafkarun: unknown SCRAM mechanism %q", name)
	}
	return s, nil
}

// Name implements sasl.Mechanism.
func (s *scram) Name() string { return s.name }

// Start implements sasl.Mechanism: it returns the client-first message.
func (s *scram) Start(context.Context) (sasl.StateMachine, []byte, error) {
	var nonce [24]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, nil, fmt.Errorf("kafkarun: scram nonce: %w", err)
	}
	c := &scramConv{s: s, nonce: base64.RawStdEncoding.EncodeToString(nonce[:])}
	c.firstBare = "n=" + saslName(s.user) + ",r=" + c.nonce
	return c, []byte("n,," + c.firstBare), nil
}

// saslName escapes a user name for a SCRAM message.
func saslName(u string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(u)
}

// scramConv is one authentication exchange.
type scramConv struct {
	s         *scram
	nonce     string
	firstBare string
	serverSig []byte // expected in the server-final message
	step      int
}

var errScramServer = errors.New("kafkarun: scram: the server's reply is malformed or did not prove it knows the password")

// Next implements sasl.StateMachine.
func (c *scramConv) Next(_ context.Context, challenge []byte) (bool, []byte, error) {
	c.step++
	switch c.step {
	case 1:
		final, err := c.clientFinal(string(challenge))
		return false, final, err
	case 2:
		attrs := scramAttrs(string(challenge))
		if e, ok := attrs["e"]; ok {
			return false, nil, fmt.Errorf("kafkarun: scram: server refused authentication: %s", e)
		}
		v, err := base64.StdEncoding.DecodeString(attrs["v"])
		if err != nil || !hmac.Equal(v, c.serverSig) {
			return false, nil, errScramServer
		}
		return true, nil, nil
	}
	return false, nil, errScramServer
}

// clientFinal answers the server-first message with the client's proof.
func (c *scramConv) clientFinal(serverFirst string) ([]byte, error) {
	attrs := scramAttrs(serverFirst)
	nonce := attrs["r"]
	salt, err := base64.StdEncoding.DecodeString(attrs["s"])
	iters, ierr := strconv.Atoi(attrs["i"])
	if !strings.HasPrefix(nonce, c.nonce) || len(nonce) == len(c.nonce) || err != nil || len(salt) == 0 || ierr != nil {
		return nil, errScramServer
	}
	if iters < minIterations {
		return nil, fmt.Errorf("kafkarun: scram: server asks for %d iterations, fewer than %d", iters, minIterations)
	}
	h := c.s.hash
	salted, err := pbkdf2.Key(h, c.s.pass, salt, iters, h().Size())
	if err != nil {
		return nil, fmt.Errorf("kafkarun: scram: %w", err)
	}
	clientKey := hmacSum(h, salted, "Client Key")
	stored := h()
	stored.Write(clientKey)
	withoutProof := "c=biws,r=" + nonce // biws: base64("n,,")
	authMessage := c.firstBare + "," + serverFirst + "," + withoutProof
	proof := hmacSum(h, stored.Sum(nil), authMessage)
	for i := range proof {
		proof[i] ^= clientKey[i]
	}
	c.serverSig = hmacSum(h, hmacSum(h, salted, "Server Key"), authMessage)
	var b bytes.Buffer
	b.WriteString(withoutProof)
	b.WriteString(",p=")
	b.WriteString(base64.StdEncoding.EncodeToString(proof))
	return b.Bytes(), nil
}

func hmacSum(h func() hash.Hash, key []byte, msg string) []byte {
	m := hmac.New(h, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

// scramAttrs parses "a=x,b=y" attributes; values may contain '='.
func scramAttrs(msg string) map[string]string {
	attrs := make(map[string]string)
	for kv := range strings.SplitSeq(msg, ",") {
		if k, v, ok := strings.Cut(kv, "="); ok && len(k) == 1 {
			attrs[k] = v
		}
	}
	return attrs
}
