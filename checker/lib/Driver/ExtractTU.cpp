// SPDX-License-Identifier: Apache-2.0
// Runs the clang frontend on one compile command, quietly: diagnostics are
// counted, not printed, and a TU with errors is reported by one line.
#include "forksafe/Driver.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>

using namespace clang;

namespace forksafe {
namespace {

/// Keeps the first error; prints nothing.
class QuietDiagnostics : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Info.getLocation()));
      if (P.isValid())
        First = std::string(llvm::sys::path::filename(P.getFilename())) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    First += Msg.str().str();
  }
  std::string First;
};

class ExtractConsumer : public ASTConsumer {
public:
  ExtractConsumer(const RuleSet &Rules, const ExtractOptions &O, TUOutcome &Out,
                  bool &Done)
      : Rules(Rules), Options(O), Out(Out), Done(Done) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // an AST with errors is not worth analysing
    Out.Facts = extractFacts(Ctx, Rules, Options);
    // Every file this TU read: the facts stay valid while none changes.
    SourceManager &SM = Ctx.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      SmallString<256> Path(It->first.getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, true);
      Out.Inputs.push_back(std::string(Path.str()));
    }
    std::sort(Out.Inputs.begin(), Out.Inputs.end());
    Out.Inputs.erase(std::unique(Out.Inputs.begin(), Out.Inputs.end()),
                     Out.Inputs.end());
    Done = true;
  }

private:
  const RuleSet &Rules;
  const ExtractOptions &Options;
  TUOutcome &Out;
  bool &Done;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const RuleSet &Rules, const ExtractOptions &O, TUOutcome &Out,
                bool &Done)
      : Rules(Rules), Options(O), Out(Out), Done(Done) {}
  bool BeginInvocation(CompilerInstance &CI) override {
    // No "N errors generated." on stderr: we report a failed TU ourselves.
    CI.getDiagnosticOpts().ShowCarets = false;
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<ExtractConsumer>(Rules, Options, Out, Done);
  }

private:
  const RuleSet &Rules;
  const ExtractOptions &Options;
  TUOutcome &Out;
  bool &Done;
};

} // namespace

namespace {

bool startsWith(const std::string &S, const char *Prefix) {
  return S.rfind(Prefix, 0) == 0;
}

/// A frontend (cc1) argument that loads code or runs a plugin.
bool unsafeFrontendArg(const std::string &A) {
  for (const char *P :
       {"-load", "-plugin", "-add-plugin", "-fpass-plugin", "-fplugin"})
    if (startsWith(A, P))
      return true;
  return false;
}

/// Frontend arguments whose value is the next frontend argument.
bool takesFrontendValue(const std::string &A) {
  return A == "-load" || A == "-plugin" || A == "-add-plugin" ||
         startsWith(A, "-plugin-arg-");
}

/// Driver options that pass the next argument to the frontend as it is.
bool forwardsNext(const std::string &A) {
  return A == "-Xclang" || A == "-Xpreprocessor" || A == "-Xanalyzer";
}

/// The frontend argument forwarded at In[I] ('-Xclang V' or '-Xclang=V'),
/// and how many arguments spell it; 0 if In[I] forwards nothing.
size_t forwardedAt(const std::vector<std::string> &In, size_t I,
                   std::string &Value) {
  if (I < In.size() && forwardsNext(In[I]) && I + 1 < In.size()) {
    Value = In[I + 1];
    return 2;
  }
  if (I < In.size() && startsWith(In[I], "-Xclang=")) {
    Value = In[I].substr(8);
    return 1;
  }
  return 0;
}

} // namespace

std::vector<std::string> dropUnsafeArguments(const std::vector<std::string> &In,
                                             std::vector<std::string> *Dropped) {
  // forksafe parses; it never loads or runs anything a compile command names:
  // compiler plugins, pass plugins, alternative tool directories, and
  // configuration files (which could name any of those). What the driver
  // forwards to the frontend (-Xclang, -Xclang=, -Xpreprocessor, -Xanalyzer,
  // -Wp,) is checked as the frontend reads it; the argument of a forwarding
  // option is never read as a driver option, as the driver does.
  std::vector<std::string> Out;
  auto drop = [&](const std::string &A) {
    if (Dropped)
      Dropped->push_back(A);
  };
  auto spelled = [&](size_t I, size_t N) {
    return N == 2 ? In[I] + " " + In[I + 1] : In[I];
  };
  // In[0] is the compiler: the driver never reads it as an option, and
  // pairing it with In[1] would shift every pair after it (an inserted
  // argument then re-pairs '-Xclang -Xclang -load' into '-Xclang -load').
  if (!In.empty())
    Out.push_back(In[0]);
  for (size_t I = 1; I < In.size(); ++I) {
    const std::string &A = In[I];
    if (startsWith(A, "-fplugin=") || startsWith(A, "-fpass-plugin=") ||
        startsWith(A, "-fplugin-arg-")) {
      drop(A);
      continue;
    }
    if (A == "-B" || A == "--prefix" || A == "--config") { // take the next
      drop(A + (I + 1 < In.size() ? " " + In[I + 1] : ""));
      ++I;
      continue;
    }
    // -Bdir, --prefix=dir, --config=file, --config-user-dir=dir, ...
    if (startsWith(A, "-B") || startsWith(A, "--prefix=") ||
        startsWith(A, "--config")) {
      drop(A);
      continue;
    }
    if (startsWith(A, "-Wp,")) { // -Wp,a,b: each of a, b to the frontend
      bool Unsafe = false;
      for (size_t P = 4, C; P <= A.size(); P = C + 1) {
        C = std::min(A.find(',', P), A.size());
        Unsafe |= unsafeFrontendArg(A.substr(P, C - P));
      }
      if (Unsafe) {
        drop(A);
        continue;
      }
    }
    std::string Value;
    if (size_t N = forwardedAt(In, I, Value)) {
      if (unsafeFrontendArg(Value)) {
        drop(spelled(I, N));
        I += N - 1;
        // '-Xclang -load -Xclang lib.so': drop the plugin's name too.
        std::string Next;
        if (takesFrontendValue(Value))
          if (size_t M = forwardedAt(In, I + 1, Next)) {
            drop(spelled(I + 1, M));
            I += M;
          }
        continue;
      }
      for (size_t K = 0; K < N; ++K)
        Out.push_back(In[I + K]);
      I += N - 1;
      continue;
    }
    Out.push_back(A);
  }
  return Out;
}

std::vector<std::string>
extractionCommandLine(const tooling::CompileCommand &C,
                      const DriverOptions &O) {
  using namespace tooling;
  std::vector<std::string> Args = dropUnsafeArguments(C.CommandLine, nullptr);
  ArgumentsAdjuster Adjust = combineAdjusters(
      getClangStripOutputAdjuster(),
      combineAdjusters(getClangStripDependencyFileAdjuster(),
                       getClangSyntaxOnlyAdjuster()));
  Args = Adjust(Args, C.Filename);
  // Again: the adjusters remove arguments (and an '-Xclang' before a colour
  // option), which can pair what is left differently.
  Args = dropUnsafeArguments(Args, nullptr);
  if (!O.ExtraArgsBefore.empty())
    Args = getInsertArgumentAdjuster(O.ExtraArgsBefore,
                                     ArgumentInsertPosition::BEGIN)(Args,
                                                                    C.Filename);
  std::vector<std::string> After = O.ExtraArgs;
  // Our diagnostics are counted, not shown; warnings only cost time.
  After.push_back("-w");
  if (!O.ResourceDir.empty())
    After.push_back("-resource-dir=" + O.ResourceDir);
  Args = getInsertArgumentAdjuster(After, ArgumentInsertPosition::END)(
      Args, C.Filename);
  return Args;
}

TUOutcome extractTranslationUnit(const tooling::CompileCommand &Command,
                                 const RuleSet &Rules,
                                 const DriverOptions &Options) {
  TUOutcome Out;
  llvm::SmallString<256> Abs(Command.Filename);
  if (!llvm::sys::path::is_absolute(Abs))
    llvm::sys::fs::make_absolute(Command.Directory, Abs);
  llvm::sys::path::remove_dots(Abs, true);
  Out.File = std::string(Abs.str());
  if (!llvm::sys::fs::exists(Abs)) {
    Out.Error = "file not found";
    return Out;
  }
  if (Command.CommandLine.empty()) {
    Out.Error = "empty compile command";
    return Out;
  }
  // A private file system: each thread has its own working directory.
  auto FS = llvm::vfs::createPhysicalFileSystem();
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Command.Directory)) {
    Out.Error = "cannot enter directory '" + Command.Directory +
                "': " + EC.message();
    return Out;
  }
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(),
                                                       std::move(FS));
  bool Done = false;
  auto Action =
      std::make_unique<ExtractAction>(Rules, Options.Extract, Out, Done);
  QuietDiagnostics Diags;
  tooling::ToolInvocation Invocation(extractionCommandLine(Command, Options),
                                     std::move(Action), Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ran = Invocation.run();
  if (Diags.getNumErrors() > 0) {
    Out.Error = std::to_string(Diags.getNumErrors()) + " compile error" +
                (Diags.getNumErrors() == 1 ? "" : "s") + " (first: " +
                Diags.First + ")";
    return Out;
  }
  if (!Ran || !Done) {
    Out.Error = "the compiler could not run this command";
    return Out;
  }
  Out.Ok = true;
  return Out;
}

} // namespace forksafe
