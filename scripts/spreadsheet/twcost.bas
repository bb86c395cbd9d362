Attribute VB_Name = "twcost"
' twcost.bas - libtwcost (twcost.dll) for Excel VBA.
'
' Import this module (VBA editor: File > Import File...) into a macro-
' enabled workbook (.xlsm) and put twcost.dll where it is found (see
' TwcDllPath below; scripts/spreadsheet/README.md says how to build it):
'
'   =TWC_NET("jlis-lgwan", 80, 0.2, 0, 0, "R7", 0.4)        net cost, yen
'   =TWC_RESULT("vdi-own", "grant_yen", 80, 0.2, 0, 0, "R7", 0.4)
'   =TWC_TEXT("jlis-lgwan", "label")                        plan name
'   =TWC_PROFILE("prefecture-2400", "jlis-lgwan", "net_yen") a profile
'   =TWC_VERSION()
'
' Inputs left out or empty keep the bundled default scenario's value.  A
' failure shows as the text "#TWC! reason" (the library's message, which
' names the input and its allowed range).
'
' The DLL's bitness must match Office's (not Windows'): 64-bit Office
' loads the x86_64 build, 32-bit Office the i686 build, whose functions
' are __stdcall with undecorated names.  Declarations below follow
' include/twcost.h one for one:
'   int                 -> Long
'   double              -> Double
'   long long *         -> ByRef LongLong (64-bit Office) or ByRef Currency
'                          (32-bit Office; the same 8 bytes, value / 10000)
'   twc_model *, char * -> LongPtr (Long before VBA7)
'   const char * in     -> ByVal String: VBA passes a copy in the ANSI code
'                          page, so keys, plan ids and field names (ASCII)
'                          are safe; Japanese text goes through
'                          twc_set_text_utf16 with StrPtr.
'   const char * out    -> never into a String: the *_buf forms fill a Byte
'                          buffer, decoded here from UTF-8.
' VBA's Boolean is not used (16 bits, True = -1).
'
' This file is ASCII on purpose: the VBA editor reads modules in the ANSI
' code page.
Option Explicit

#If VBA7 Then
' ---- Office 2010 and later: VBA7, 32-bit or 64-bit ------------------------
Private Declare PtrSafe Function twc_version Lib "twcost.dll" () As LongPtr
Private Declare PtrSafe Function twc_strerror Lib "twcost.dll" ( _
    ByVal status As Long) As LongPtr
Private Declare PtrSafe Function twc_open Lib "twcost.dll" ( _
    ByVal profile_path As String, ByRef out As LongPtr) As Long
Private Declare PtrSafe Function twc_open_buf Lib "twcost.dll" ( _
    ByVal profile_path As String, ByRef out As LongPtr, _
    ByVal err As LongPtr, ByVal err_len As Long) As Long
Private Declare PtrSafe Sub twc_close Lib "twcost.dll" (ByVal m As LongPtr)
Private Declare PtrSafe Function twc_set Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal key As String, ByVal value As Double) As Long
Private Declare PtrSafe Function twc_set_text Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal key As String, ByVal value As String) As Long
Private Declare PtrSafe Function twc_set_text_utf16 Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal key As String, ByVal value As LongPtr) As Long
Private Declare PtrSafe Function twc_reset Lib "twcost.dll" ( _
    ByVal m As LongPtr) As Long
Private Declare PtrSafe Function twc_get Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal key As String) As Double
Private Declare PtrSafe Function twc_count Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal what As String) As Long
Private Declare PtrSafe Function twc_result Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal field As String) As Double
#If Win64 Then
Private Declare PtrSafe Function twc_result_yen Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal field As String, _
    ByRef yen As LongLong) As Long
#Else
Private Declare PtrSafe Function twc_result_yen Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal field As String, _
    ByRef yen As Currency) As Long
#End If
Private Declare PtrSafe Function twc_text Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal field As String) As LongPtr
Private Declare PtrSafe Function twc_text_buf Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan As String, ByVal field As String, _
    ByVal buf As LongPtr, ByVal buf_len As Long) As Long
Private Declare PtrSafe Function twc_last_error Lib "twcost.dll" ( _
    ByVal m As LongPtr) As LongPtr
Private Declare PtrSafe Function twc_last_error_buf Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal buf As LongPtr, ByVal buf_len As Long) As Long
Private Declare PtrSafe Function twc_simulate Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal draws As Long, ByVal seed As Double, _
    ByVal threads As Long) As Long
Private Declare PtrSafe Function twc_progress Lib "twcost.dll" ( _
    ByVal m As LongPtr) As Double
Private Declare PtrSafe Function twc_breakeven Lib "twcost.dll" ( _
    ByVal m As LongPtr, ByVal plan_a As String, ByVal plan_b As String, _
    ByVal over As String, ByVal lo As Double, ByVal hi As Double) As Double
Private Declare PtrSafe Function twc_quick Lib "twcost.dll" ( _
    ByVal plan As String, ByVal field As String, ByVal staff As Double, _
    ByVal home As Double, ByVal satellite As Double, ByVal mobile As Double, _
    ByVal start As String, ByVal fiscal_index As Double) As Double
Private Declare PtrSafe Function twc_check Lib "twcost.dll" ( _
    ByVal profile_path As String, ByVal err As LongPtr, _
    ByVal err_len As Long) As Long
Private Declare PtrSafe Function twc_fiscal_year Lib "twcost.dll" ( _
    ByVal text As String) As Long
Private Declare PtrSafe Function twc_read_number Lib "twcost.dll" ( _
    ByVal text As String, ByVal lo As Double, ByVal hi As Double, _
    ByVal flags As Long, ByRef value As Double, ByVal err As LongPtr, _
    ByVal err_len As Long) As Long
Private Declare PtrSafe Function twc_bundled_count Lib "twcost.dll" () As Long
Private Declare PtrSafe Function twc_bundled Lib "twcost.dll" ( _
    ByVal index As Long, ByVal field As String) As LongPtr
Private Declare PtrSafe Function twc_bundled_buf Lib "twcost.dll" ( _
    ByVal index As Long, ByVal field As String, ByVal buf As LongPtr, _
    ByVal buf_len As Long) As Long
Private Declare PtrSafe Function twc_bundled_text Lib "twcost.dll" ( _
    ByVal name As String) As LongPtr

' Windows: load the DLL from a full path; copy and decode static texts.
Private Declare PtrSafe Function LoadLibraryW Lib "kernel32" ( _
    ByVal path As LongPtr) As LongPtr
Private Declare PtrSafe Function lstrlenA Lib "kernel32" ( _
    ByVal p As LongPtr) As Long
Private Declare PtrSafe Sub RtlMoveMemory Lib "kernel32" ( _
    ByVal dest As LongPtr, ByVal src As LongPtr, ByVal n As LongPtr)
Private Declare PtrSafe Function MultiByteToWideChar Lib "kernel32" ( _
    ByVal codepage As Long, ByVal flags As Long, ByVal src As LongPtr, _
    ByVal src_len As Long, ByVal dest As LongPtr, ByVal dest_len As Long) As Long

#Else
' ---- Office 2007 and older: VBA6, 32-bit only -----------------------------
Private Declare Function twc_version Lib "twcost.dll" () As Long
Private Declare Function twc_strerror Lib "twcost.dll" ( _
    ByVal status As Long) As Long
Private Declare Function twc_open Lib "twcost.dll" ( _
    ByVal profile_path As String, ByRef out As Long) As Long
Private Declare Function twc_open_buf Lib "twcost.dll" ( _
    ByVal profile_path As String, ByRef out As Long, _
    ByVal err As Long, ByVal err_len As Long) As Long
Private Declare Sub twc_close Lib "twcost.dll" (ByVal m As Long)
Private Declare Function twc_set Lib "twcost.dll" ( _
    ByVal m As Long, ByVal key As String, ByVal value As Double) As Long
Private Declare Function twc_set_text Lib "twcost.dll" ( _
    ByVal m As Long, ByVal key As String, ByVal value As String) As Long
Private Declare Function twc_set_text_utf16 Lib "twcost.dll" ( _
    ByVal m As Long, ByVal key As String, ByVal value As Long) As Long
Private Declare Function twc_reset Lib "twcost.dll" (ByVal m As Long) As Long
Private Declare Function twc_get Lib "twcost.dll" ( _
    ByVal m As Long, ByVal key As String) As Double
Private Declare Function twc_count Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan As String, ByVal what As String) As Long
Private Declare Function twc_result Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan As String, ByVal field As String) As Double
Private Declare Function twc_result_yen Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan As String, ByVal field As String, _
    ByRef yen As Currency) As Long
Private Declare Function twc_text Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan As String, ByVal field As String) As Long
Private Declare Function twc_text_buf Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan As String, ByVal field As String, _
    ByVal buf As Long, ByVal buf_len As Long) As Long
Private Declare Function twc_last_error Lib "twcost.dll" ( _
    ByVal m As Long) As Long
Private Declare Function twc_last_error_buf Lib "twcost.dll" ( _
    ByVal m As Long, ByVal buf As Long, ByVal buf_len As Long) As Long
Private Declare Function twc_simulate Lib "twcost.dll" ( _
    ByVal m As Long, ByVal draws As Long, ByVal seed As Double, _
    ByVal threads As Long) As Long
Private Declare Function twc_progress Lib "twcost.dll" ( _
    ByVal m As Long) As Double
Private Declare Function twc_breakeven Lib "twcost.dll" ( _
    ByVal m As Long, ByVal plan_a As String, ByVal plan_b As String, _
    ByVal over As String, ByVal lo As Double, ByVal hi As Double) As Double
Private Declare Function twc_quick Lib "twcost.dll" ( _
    ByVal plan As String, ByVal field As String, ByVal staff As Double, _
    ByVal home As Double, ByVal satellite As Double, ByVal mobile As Double, _
    ByVal start As String, ByVal fiscal_index As Double) As Double
Private Declare Function twc_check Lib "twcost.dll" ( _
    ByVal profile_path As String, ByVal err As Long, _
    ByVal err_len As Long) As Long
Private Declare Function twc_fiscal_year Lib "twcost.dll" ( _
    ByVal text As String) As Long
Private Declare Function twc_read_number Lib "twcost.dll" ( _
    ByVal text As String, ByVal lo As Double, ByVal hi As Double, _
    ByVal flags As Long, ByRef value As Double, ByVal err As Long, _
    ByVal err_len As Long) As Long
Private Declare Function twc_bundled_count Lib "twcost.dll" () As Long
Private Declare Function twc_bundled Lib "twcost.dll" ( _
    ByVal index As Long, ByVal field As String) As Long
Private Declare Function twc_bundled_buf Lib "twcost.dll" ( _
    ByVal index As Long, ByVal field As String, ByVal buf As Long, _
    ByVal buf_len As Long) As Long
Private Declare Function twc_bundled_text Lib "twcost.dll" ( _
    ByVal name As String) As Long

Private Declare Function LoadLibraryW Lib "kernel32" (ByVal path As Long) As Long
Private Declare Function lstrlenA Lib "kernel32" (ByVal p As Long) As Long
Private Declare Sub RtlMoveMemory Lib "kernel32" ( _
    ByVal dest As Long, ByVal src As Long, ByVal n As Long)
Private Declare Function MultiByteToWideChar Lib "kernel32" ( _
    ByVal codepage As Long, ByVal flags As Long, ByVal src As Long, _
    ByVal src_len As Long, ByVal dest As Long, ByVal dest_len As Long) As Long
#End If

Private Const CP_UTF8 As Long = 65001
Private Const TWC_OK As Long = 0

Private twcProfiles As Collection ' profile name -> handle
Private twcLoaded As Boolean

' ---- loading the DLL --------------------------------------------------------

' Where twcost.dll is: $TWCOST_DLL, else beside this workbook in x64\ or
' x86\ (matching Office's bitness), else beside this workbook.  "Lib
' twcost.dll" alone would search only the Windows DLL path.
Public Function TwcDllPath() As String
    Dim p As String
    p = Environ$("TWCOST_DLL")
    If Len(p) > 0 Then
        TwcDllPath = p
        Exit Function
    End If
#If Win64 Then
    p = ThisWorkbook.Path & "\x64\twcost.dll"
#Else
    p = ThisWorkbook.Path & "\x86\twcost.dll"
#End If
    If Len(Dir$(p)) = 0 Then p = ThisWorkbook.Path & "\twcost.dll"
    TwcDllPath = p
End Function

' Load the DLL once by full path; later "twcost.dll" calls use it.
Private Function TwcLoad() As Boolean
    Dim p As String
    If Not twcLoaded Then
        p = TwcDllPath()
        If LoadLibraryW(StrPtr(p)) <> 0 Then twcLoaded = True
    End If
    TwcLoad = twcLoaded
End Function

' ---- text from the DLL -------------------------------------------------------

' UTF-8 bytes b(0 .. n-1) as a VBA String.
Private Function Utf8ToString(b() As Byte, ByVal n As Long) As String
    Dim w As Long, s As String
    If n <= 0 Then
        Utf8ToString = ""
        Exit Function
    End If
    w = MultiByteToWideChar(CP_UTF8, 0, VarPtr(b(0)), n, 0, 0)
    s = String$(w, vbNullChar)
    MultiByteToWideChar CP_UTF8, 0, VarPtr(b(0)), n, StrPtr(s), w
    Utf8ToString = s
End Function

' A NUL-terminated UTF-8 string in static storage (twc_version,
' twc_strerror, twc_bundled_text) as a VBA String, copied at once.
#If VBA7 Then
Private Function StaticText(ByVal p As LongPtr) As String
#Else
Private Function StaticText(ByVal p As Long) As String
#End If
    Dim n As Long, b() As Byte
    If p = 0 Then
        StaticText = ""
        Exit Function
    End If
    n = lstrlenA(p)
    If n = 0 Then
        StaticText = ""
        Exit Function
    End If
    ReDim b(0 To n - 1)
    RtlMoveMemory VarPtr(b(0)), p, n
    StaticText = Utf8ToString(b, n)
End Function

' The last error of a handle, through the caller-buffer form.
#If VBA7 Then
Private Function LastError(ByVal m As LongPtr) As String
#Else
Private Function LastError(ByVal m As Long) As String
#End If
    Dim need As Long, b() As Byte
    need = twc_last_error_buf(m, 0, 0)
    If need <= 0 Then
        LastError = ""
        Exit Function
    End If
    ReDim b(0 To need)
    twc_last_error_buf m, VarPtr(b(0)), need + 1
    LastError = Utf8ToString(b, need)
End Function

' A text result through twc_text_buf; ok is False when there is none.
#If VBA7 Then
Private Function TextResult(ByVal m As LongPtr, ByVal plan As String, _
                            ByVal field As String, ByRef ok As Boolean) As String
#Else
Private Function TextResult(ByVal m As Long, ByVal plan As String, _
                            ByVal field As String, ByRef ok As Boolean) As String
#End If
    Dim need As Long, b() As Byte
    need = twc_text_buf(m, plan, field, 0, 0)
    ok = need >= 0
    If need <= 0 Then
        TextResult = ""
        Exit Function
    End If
    ReDim b(0 To need)
    twc_text_buf m, plan, field, VarPtr(b(0)), need + 1
    TextResult = Utf8ToString(b, need)
End Function

' ---- numbers -----------------------------------------------------------------

' NaN, which the API takes for "keep the default": the library's own
' answer for a NULL handle.
Private Function NaN() As Double
    NaN = twc_get(0, "staff")
End Function

Private Function IsNaN(ByVal x As Double) As Boolean
    Dim w(0 To 1) As Long
    RtlMoveMemory VarPtr(w(0)), VarPtr(x), 8
    IsNaN = (w(1) And &H7FF00000) = &H7FF00000 And _
            ((w(1) And &HFFFFF) Or w(0)) <> 0
End Function

' A cell value as an input number: missing or empty is NaN.
Private Function Num(v As Variant) As Double
    If IsMissing(v) Then
        Num = NaN()
    ElseIf IsEmpty(v) Then
        Num = NaN()
    ElseIf VarType(v) = vbString Then
        If Len(Trim$(v)) = 0 Then Num = NaN() Else Num = CDbl(v)
    Else
        Num = CDbl(v)
    End If
End Function

' A cell value as the start text: 2025 -> "2025"; missing -> "".
Private Function StartText(v As Variant) As String
    If IsMissing(v) Then
        StartText = ""
    ElseIf IsEmpty(v) Then
        StartText = ""
    ElseIf VarType(v) = vbString Then
        StartText = Trim$(v)
    Else
        StartText = CStr(v)
    End If
End Function

' ---- handles -----------------------------------------------------------------

' A handle on a profile ("" = the bundled default), kept open; 0 and a
' reason on failure.
#If VBA7 Then
Private Function Handle(ByVal profile As String, ByRef why As String) As LongPtr
    Dim m As LongPtr
#Else
Private Function Handle(ByVal profile As String, ByRef why As String) As Long
    Dim m As Long
#End If
    Dim b(0 To 511) As Byte, rc As Long, n As Long
    If twcProfiles Is Nothing Then Set twcProfiles = New Collection
    On Error Resume Next
    m = twcProfiles("p:" & profile)
    On Error GoTo 0
    If m <> 0 Then
        Handle = m
        Exit Function
    End If
    rc = twc_open_buf(profile, m, VarPtr(b(0)), 512)
    If rc <> TWC_OK Then
        n = 0
        Do While n < 511
            If b(n) = 0 Then Exit Do
            n = n + 1
        Loop
        why = Utf8ToString(b, n)
        Handle = 0
        Exit Function
    End If
    twcProfiles.Add m, "p:" & profile
    Handle = m
End Function

' Reset the handle to its profile, then set the given inputs; "" or the
' reason it failed.
' (m is a handle: a Variant here so that one declaration serves VBA6 and
' VBA7; VBA converts it for the ByVal LongPtr parameters.)
Private Function Apply(ByVal m As Variant, staff As Variant, _
                       home As Variant, satellite As Variant, _
                       mobile As Variant, start As Variant, _
                       fiscal As Variant) As String
    Dim keys As Variant, vals As Variant, i As Long, x As Double, s As String
    Apply = ""
    If twc_reset(m) <> TWC_OK Then
        Apply = LastError(m)
        Exit Function
    End If
    keys = Array("staff", "home", "satellite", "mobile", "fiscal_index")
    vals = Array(Num(staff), Num(home), Num(satellite), Num(mobile), _
                 Num(fiscal))
    For i = 0 To 4
        x = vals(i)
        If Not IsNaN(x) Then
            If twc_set(m, keys(i), x) <> TWC_OK Then
                Apply = LastError(m)
                Exit Function
            End If
        End If
    Next i
    s = StartText(start)
    If Len(s) > 0 Then
        ' UTF-16 straight from VBA: an era date in kanji arrives intact.
        If twc_set_text_utf16(m, "start", StrPtr(s)) <> TWC_OK Then
            Apply = LastError(m)
        End If
    End If
End Function

' Any field of a handle: a number, or a text when the field is text.
Private Function ReadField(ByVal m As Variant, ByVal plan As String, _
                           ByVal field As String) As Variant
    Dim x As Double, why As String, ok As Boolean, t As String
    x = twc_result(m, plan, field)
    If Not IsNaN(x) Then
        ReadField = x
        Exit Function
    End If
    why = LastError(m)
    t = TextResult(m, plan, field, ok)
    If ok Then ReadField = t Else ReadField = "#TWC! " & why
End Function

' ---- worksheet functions -------------------------------------------------------

' =TWC_NET("jlis-lgwan", 80, 0.2, 0, 0, "R7", 0.4): the net cost (after
' the grant) in yen, as `twcost compare` shows it.
Public Function TWC_NET(ByVal plan As String, Optional staff As Variant, _
                        Optional home As Variant, Optional satellite As Variant, _
                        Optional mobile As Variant, Optional start As Variant, _
                        Optional fiscal As Variant) As Variant
    TWC_NET = TWC_RESULT(plan, "net_yen", staff, home, satellite, mobile, _
                         start, fiscal)
End Function

' =TWC_RESULT(plan, field, staff, home, satellite, mobile, start, fiscal):
' one twc_quick call (docs/api.md lists the fields).
Public Function TWC_RESULT(ByVal plan As String, ByVal field As String, _
                           Optional staff As Variant, Optional home As Variant, _
                           Optional satellite As Variant, _
                           Optional mobile As Variant, _
                           Optional start As Variant, _
                           Optional fiscal As Variant) As Variant
    Dim x As Double, r As Variant
    On Error GoTo failed
    If Not TwcLoad() Then
        TWC_RESULT = "#TWC! cannot load " & TwcDllPath()
        Exit Function
    End If
    ' ASCII start forms (R7, FY2025, 2025-10-01) always work here; the
    ' ANSI code page (CP932) also carries the kanji era forms on Japanese
    ' Windows, and the library accepts them.
    x = twc_quick(plan, field, Num(staff), Num(home), Num(satellite), _
                  Num(mobile), StartText(start), Num(fiscal))
    If Not IsNaN(x) Then
        TWC_RESULT = x
        Exit Function
    End If
    ' twc_quick keeps no reason: ask a handle for it.
    r = TWC_TEXT(plan, field, staff, home, satellite, mobile, start, fiscal)
    If VarType(r) = vbString Then
        If Left$(r, 6) <> "#TWC! " Then
            r = "#TWC! field '" & field & "' is text: use TWC_TEXT"
        End If
    End If
    TWC_RESULT = r
    Exit Function
failed:
    TWC_RESULT = "#TWC! " & Err.Description
End Function

' =TWC_TEXT(plan, field, ...): a text (or number) field of the default
' scenario with these inputs: "label", "year:0:label", "warning:0".
Public Function TWC_TEXT(ByVal plan As String, ByVal field As String, _
                         Optional staff As Variant, Optional home As Variant, _
                         Optional satellite As Variant, _
                         Optional mobile As Variant, Optional start As Variant, _
                         Optional fiscal As Variant) As Variant
    TWC_TEXT = TWC_PROFILE("", plan, field, staff, home, satellite, mobile, _
                           start, fiscal)
End Function

' =TWC_PROFILE(profile, plan, field, ...): any field of a scenario profile,
' a bundled name ("prefecture-2400") or a full path (ASCII), with these
' inputs replaced.
Public Function TWC_PROFILE(ByVal profile As String, ByVal plan As String, _
                            ByVal field As String, Optional staff As Variant, _
                            Optional home As Variant, _
                            Optional satellite As Variant, _
                            Optional mobile As Variant, _
                            Optional start As Variant, _
                            Optional fiscal As Variant) As Variant
#If VBA7 Then
    Dim m As LongPtr
#Else
    Dim m As Long
#End If
    Dim why As String
    On Error GoTo failed
    If Not TwcLoad() Then
        TWC_PROFILE = "#TWC! cannot load " & TwcDllPath()
        Exit Function
    End If
    m = Handle(profile, why)
    If m = 0 Then
        TWC_PROFILE = "#TWC! " & why
        Exit Function
    End If
    why = Apply(m, staff, home, satellite, mobile, start, fiscal)
    If Len(why) > 0 Then
        TWC_PROFILE = "#TWC! " & why
    Else
        TWC_PROFILE = ReadField(m, plan, field)
    End If
    Exit Function
failed:
    TWC_PROFILE = "#TWC! " & Err.Description
End Function

' =TWC_YEN(plan, field): an exact whole-yen result of the default
' scenario as a Double (exact up to 2^53 yen), through twc_result_yen.
Public Function TWC_YEN(ByVal plan As String, ByVal field As String) As Variant
#If VBA7 Then
    Dim m As LongPtr
#Else
    Dim m As Long
#End If
#If Win64 Then
    Dim yen As LongLong
#Else
    Dim yen As Currency ' the 8 bytes of a long long, read as value / 10000
#End If
    Dim why As String
    On Error GoTo failed
    If Not TwcLoad() Then
        TWC_YEN = "#TWC! cannot load " & TwcDllPath()
        Exit Function
    End If
    m = Handle("", why)
    If m = 0 Then
        TWC_YEN = "#TWC! " & why
    ElseIf twc_reset(m) <> TWC_OK Then
        TWC_YEN = "#TWC! " & LastError(m)
    ElseIf twc_result_yen(m, plan, field, yen) <> TWC_OK Then
        TWC_YEN = "#TWC! " & LastError(m)
    Else
#If Win64 Then
        TWC_YEN = CDbl(yen)
#Else
        TWC_YEN = CDbl(yen * 10000@)
#End If
    End If
    Exit Function
failed:
    TWC_YEN = "#TWC! " & Err.Description
End Function

' =TWC_VERSION(): the library version, e.g. 0.1.0.
Public Function TWC_VERSION() As String
    If Not TwcLoad() Then
        TWC_VERSION = "#TWC! cannot load " & TwcDllPath()
    Else
        TWC_VERSION = StaticText(twc_version())
    End If
End Function

' =TWC_ERROR_TEXT(-3): what a status code means.
Public Function TWC_ERROR_TEXT(ByVal status As Long) As String
    If TwcLoad() Then TWC_ERROR_TEXT = StaticText(twc_strerror(status))
End Function

' Close every handle the worksheet functions opened (e.g. from
' Workbook_BeforeClose).  They are also freed when Excel exits.
Public Sub TwcCloseAll()
    Dim v As Variant
    If twcProfiles Is Nothing Then Exit Sub
    For Each v In twcProfiles
        twc_close v
    Next v
    Set twcProfiles = Nothing
End Sub
