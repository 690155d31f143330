package graph

import (
	"errors"
	"fmt"
)

// Code classifies an error so that callers (the GraphQL layer, the CLI, the
// ingest workers) can react to it without parsing messages. Backends map
// their driver errors onto these codes once, at the edge.
type Code string

// Error codes. They are part of the API: GraphQL clients see them in
// extensions.code.
const (
	Internal     Code = "INTERNAL"     // a bug or an unexpected backend failure
	Invalid      Code = "INVALID"      // the caller's input is wrong
	NotFound     Code = "NOT_FOUND"    // the requested object does not exist
	Conflict     Code = "CONFLICT"     // the write contradicts existing state
	Unavailable  Code = "UNAVAILABLE"  // a backend cannot be reached; retrying may help
	Timeout      Code = "TIMEOUT"      // the deadline passed before the work finished
	Unauthorized Code = "UNAUTHORIZED" // the caller may not do this
)

// Error is the one error type of newsgraph. Op names the operation that
// failed ("sqlite.Entity", "ingest.Read"); Msg is safe to show to clients;
// Err is the underlying cause, kept for logs and errors.Is/As but never shown
// to clients because it may carry SQL, Cypher or driver text.
type Error struct {
	Op   string
	Code Code
	Msg  string
	Err  error
}

// E builds an *Error. Arguments are interpreted by type, in the manner of
// upspin's errors.E: a Code sets the code, an error sets the cause, and a
// string sets the client-safe message. When the cause is itself an *Error and
// no code is given, its code is inherited, so wrapping keeps the
// classification.
func E(op string, args ...any) error {
	e := &Error{Op: op}
	for _, a := range args {
		switch v := a.(type) {
		case Code:
			e.Code = v
		case error:
			e.Err = v
		case string:
			e.Msg = v
		default:
			panic(fmt.Sprintf("graph.E: bad argument %T", a))
		}
	}
	if e.Code == "" {
		e.Code = ErrorCode(e.Err)
	}
	return e
}

// Errorf builds an *Error with a formatted, client-safe message.
func Errorf(op string, code Code, format string, args ...any) error {
	return &Error{Op: op, Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Error renders the whole chain, for logs.
func (e *Error) Error() string {
	s := e.Op
	if e.Code != "" {
		s += " [" + string(e.Code) + "]"
	}
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap exposes the cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of the first *Error in err's chain that has one,
// Internal for any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	for errors.As(err, &e) {
		if e.Code != "" {
			return e.Code
		}
		if e.Err == nil {
			break
		}
		err = e.Err
	}
	return Internal
}

// ErrorMessage returns a message that is safe to show to a client: the
// first client-safe message in err's chain, or a generic text for the code.
// It never returns the text of a foreign (driver, SQL) error.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	code := ErrorCode(err)
	var e *Error
	for errors.As(err, &e) {
		if e.Msg != "" {
			return e.Msg
		}
		if e.Err == nil {
			break
		}
		err = e.Err
	}
	switch code {
	case NotFound:
		return "not found"
	case Invalid:
		return "invalid input"
	case Conflict:
		return "conflict"
	case Unavailable:
		return "service unavailable, try again later"
	case Timeout:
		return "deadline exceeded"
	case Unauthorized:
		return "unauthorized"
	}
	return "internal error"
}
