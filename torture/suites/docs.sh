#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The documentation cannot rot: the man pages pass mandoc -T lint with
# no warning, every option of clusctl --help and clusapid --help is in
# its page (and every clusctl command), every clusapid option is in the
# example configuration, and the bash completion completes commands,
# options and, from a running clusapid, names.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin docs

for page in man/clusctl.1 man/clusapid.8 man/clusapid.conf.5 \
	    man/clusapid-access.conf.5; do
	check "mandoc -T lint -W warning $page" \
		mandoc -T lint -W warning "$page"
done

# every_option PROGRAM PAGE: each --long and -s of PROGRAM --help in PAGE
every_option() {
	_missing=
	for _o in $("$1" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		grep -q -- "Fl -${_o#--}\( \|$\)" "$2" ||
			_missing="$_missing $_o"
	done
	for _o in $("$1" --help | sed -n 's/^  -\([a-zA-Z?]\),.*/\1/p'); do
		grep -q -- "Fl \\\\\{0,1\}&\{0,1\}$_o\( \|$\)" "$2" ||
			_missing="$_missing -$_o"
	done
	[ -z "$_missing" ] || echo "not in $2:$_missing"
	[ -z "$_missing" ]
}
check "every option of clusctl --help is in clusctl(1)" \
	every_option bin/clusctl man/clusctl.1
check "every option of clusapid --help is in clusapid(8)" \
	every_option bin/clusapid man/clusapid.8

every_command() {
	_missing=
	bin/clusctl --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\)\( [a-z][a-z-]*\)\{0,1\}.*/\1\2/p' \
		>"$tmp/commands"
	while read -r _c; do
		grep -q "Cm $_c\( \|$\)" man/clusctl.1 ||
			grep -q "Cm .*| $_c\( \|$\)" man/clusctl.1 ||
			_missing="$_missing \"$_c\""
	done <"$tmp/commands"
	[ -z "$_missing" ] || echo "not in clusctl(1):$_missing"
	[ -s "$tmp/commands" ] && [ -z "$_missing" ]
}
check "every command of clusctl --help is in clusctl(1)" every_command

# every_setting FILE BEFORE AFTER: each clusapid option (but -s, -V) as
# a setting ("max handles") on a line BEFORE NAME AFTER... of FILE
every_setting() {
	_missing=
	# the settings: not popt's help nor the user admin commands, which
	# run once and exit (their tables come after "Help options:")
	for _o in $(bin/clusapid --help | sed '/^Help options:/,$d' |
		    grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		case $_o in
		--configfile|--version|--help|--usage) continue ;;
		esac
		_name=$(echo "${_o#--}" | tr - ' ')
		grep -q "^$2$_name$3" "$1" || _missing="$_missing $_o"
	done
	[ -z "$_missing" ] || echo "not in $1:$_missing"
	[ -z "$_missing" ]
}
check "every clusapid option is in the example clusapid.conf" \
	every_setting etc/clusapid.conf '	; ' ' = '
check "every clusapid option is a parameter in clusapid.conf(5)" \
	every_setting man/clusapid.conf.5 '\.It Cm ' ' No = '
check "clusapid(8) refers to both section 5 pages" eval \
	'grep -q "^.Xr clusapid.conf 5" man/clusapid.8 &&
	 grep -q "^.Xr clusapid-access.conf 5" man/clusapid.8'

# the completion, in a bash of its own
complete_words() {
	bash -c '
. /usr/share/bash-completion/bash_completion
. etc/clusctl.bash-completion
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_clusctl
printf "%s\n" "${COMPREPLY[@]}"' complete "$@"
}
check "completion: commands" \
	eval 'complete_words bin/clusctl host gr | grep -qx group'
check "completion: verbs" \
	eval 'complete_words bin/clusctl host resource add- |
	      grep -qx add-dependency'
check "completion: options" \
	eval 'complete_words bin/clusctl --wat | grep -qx -- --watch'

mkdir "$tmp/state"
if clusapid_start "$tmp/state" --anonymous full; then
	T="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
	check "completion: group names from the cluster" \
		eval 'complete_words bin/clusctl -N "$T" group show Ap |
		      grep -qx "Application\\\\ Group"'
	check "completion: resource names from the cluster" \
		eval 'complete_words bin/clusctl -N "$T" resource online \
			"Cluster " | grep -qx "Cluster\\\\ Disk\\\\ 1"'
	check "completion: the kinds of property get" \
		eval 'complete_words bin/clusctl -N "$T" property get n |
		      grep -qx node'
	check "completion: property get, an object's names" \
		eval 'complete_words bin/clusctl -N "$T" property get group \
			"Cluster\\ G" | grep -qx "Cluster\\\\ Group"'
	check "completion: property get, the object's properties" \
		eval 'complete_words bin/clusctl -N "$T" property get group \
			"Cluster\\ Group" G | grep -qx GroupType'
	check "completion: property set, the writable ones as NAME=" \
		eval 'complete_words bin/clusctl -N "$T" property set group \
			"Cluster\\ Group" "" >"$tmp/words" &&
		      grep -qx Priority= "$tmp/words" &&
		      ! grep -q GroupType "$tmp/words"'
	check "completion: the cluster's properties, no name" \
		eval 'complete_words bin/clusctl -N "$T" property get cluster \
			Desc | grep -qx Description'
	check "completion: private properties with --private" \
		eval 'complete_words bin/clusctl -N "$T" property get \
			--private resource "Cluster\\ Name" D |
		      grep -qx DnsName'
else
	fail "clusapid starts"
fi
summary
